package dev.carrierhub.carriers.sendcloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SendcloudEndpointsTest {
    private final SendcloudEndpoints endpoints = new SendcloudEndpoints(SendcloudSettings.API);

    @Test
    void buildsEveryUrlUnderTheV3Root() {
        assertThat(endpoints.shippingOptions()).hasToString("https://panel.sendcloud.sc/api/v3/shipping-options");
        assertThat(endpoints.announce()).hasToString("https://panel.sendcloud.sc/api/v3/shipments/announce");
        assertThat(endpoints.shipmentsByExternalReference("label:9d5ed678:1"))
                .hasToString("https://panel.sendcloud.sc/api/v3/shipments?external_reference_id=label%3A9d5ed678%3A1");
        assertThat(endpoints.shipment("5b4f")).hasToString("https://panel.sendcloud.sc/api/v3/shipments/5b4f");
        assertThat(endpoints.cancel("5b4f")).hasToString("https://panel.sendcloud.sc/api/v3/shipments/5b4f/cancel");
        assertThat(endpoints.tracking("JJD0003")).hasToString("https://panel.sendcloud.sc/api/v3/parcels/tracking/JJD0003");
    }

    @Test
    void escapesIdsAndSendsKeysOnlyToItsOwnHost() {
        assertThat(endpoints.cancel("../x y")).hasToString("https://panel.sendcloud.sc/api/v3/shipments/..%2Fx%20y/cancel");
        assertThat(endpoints.sameOrigin(URI.create("https://panel.sendcloud.sc/api/v3/parcels/1/documents/label"))).isTrue();
        assertThat(endpoints.sameOrigin(URI.create("https://files.sendcloud.example/label.pdf"))).isFalse();
        assertThat(endpoints.sameOrigin(URI.create("http://panel.sendcloud.sc/api/v3/parcels/1/documents/label"))).isFalse();
    }
}
