package dev.carrierhub.carriers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SandboxEndpointsTest {

    @Test
    void buildsEveryUrlUnderTheBase() {
        SandboxEndpoints endpoints = new SandboxEndpoints(URI.create("http://127.0.0.1:8089"));

        assertThat(endpoints.rates()).hasToString("http://127.0.0.1:8089/v1/rates");
        assertThat(endpoints.shipments()).hasToString("http://127.0.0.1:8089/v1/shipments");
        assertThat(endpoints.voidShipment("shp_1")).hasToString("http://127.0.0.1:8089/v1/shipments/shp_1/void");
        assertThat(endpoints.tracking("SBX123456789012")).hasToString("http://127.0.0.1:8089/v1/tracking/SBX123456789012");
        assertThat(endpoints.trackers()).hasToString("http://127.0.0.1:8089/v1/trackers");
    }

    @Test
    void keepsAPathPrefixWithOrWithoutTrailingSlash() {
        assertThat(new SandboxEndpoints(URI.create("https://gw.example/sandbox")).rates())
                .hasToString("https://gw.example/sandbox/v1/rates");
        assertThat(new SandboxEndpoints(URI.create("https://gw.example/sandbox/")).rates())
                .hasToString("https://gw.example/sandbox/v1/rates");
    }

    @Test
    void escapesIdsAndKeysSoTheyCannotChangeThePath() {
        SandboxEndpoints endpoints = new SandboxEndpoints(URI.create("http://h"));

        assertThat(endpoints.voidShipment("../admin/x y")).hasToString("http://h/v1/shipments/..%2Fadmin%2Fx%20y/void");
        assertThat(endpoints.shipmentByIdempotencyKey("a&b=c d"))
                .hasToString("http://h/v1/shipments?idempotency_key=a%26b%3Dc+d");
    }
}
