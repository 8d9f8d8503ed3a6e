package dev.carrierhub.carriers.ups;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UpsEndpointsTest {

    @Test
    void buildsEveryUrlUnderTheBase() {
        UpsEndpoints endpoints = new UpsEndpoints(UpsSettings.CIE, "v2409", "v2409");

        assertThat(endpoints.token()).hasToString("https://wwwcie.ups.com/security/v1/oauth/token");
        assertThat(endpoints.rating(UpsEndpoints.SHOP)).hasToString("https://wwwcie.ups.com/api/rating/v2409/Shop");
        assertThat(endpoints.rating(UpsEndpoints.RATE)).hasToString("https://wwwcie.ups.com/api/rating/v2409/Rate");
        assertThat(endpoints.ship()).hasToString("https://wwwcie.ups.com/api/shipments/v2409/ship");
        assertThat(endpoints.voidShipment("1ZA1B2C30390000017"))
                .hasToString("https://wwwcie.ups.com/api/shipments/v2409/void/cancel/1ZA1B2C30390000017");
        assertThat(endpoints.tracking("1ZA1B2C30390000017"))
                .hasToString("https://wwwcie.ups.com/api/track/v1/details/1ZA1B2C30390000017");
    }

    @Test
    void ratingAndShippingVersionsAreSeparate() {
        UpsEndpoints endpoints = new UpsEndpoints(UpsSettings.PRODUCTION, "v2501", "v2409");

        assertThat(endpoints.rating(UpsEndpoints.SHOP)).hasToString("https://onlinetools.ups.com/api/rating/v2501/Shop");
        assertThat(endpoints.ship()).hasToString("https://onlinetools.ups.com/api/shipments/v2409/ship");
    }

    @Test
    void keepsAPathPrefixAndEscapesValues() {
        UpsEndpoints endpoints = new UpsEndpoints(URI.create("http://gw.example/ups"), "v2409", "v2409");

        assertThat(endpoints.token()).hasToString("http://gw.example/ups/security/v1/oauth/token");
        assertThat(endpoints.tracking("../admin x")).hasToString("http://gw.example/ups/api/track/v1/details/..%2Fadmin%20x");
    }
}
