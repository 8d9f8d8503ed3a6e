package dev.carrierhub.carriers.easypost;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EasyPostEndpointsTest {
    private final EasyPostEndpoints endpoints = new EasyPostEndpoints(EasyPostSettings.API);

    @Test
    void buildsEveryUrlUnderTheVersionedRoot() {
        assertThat(endpoints.shipments()).hasToString("https://api.easypost.com/v2/shipments");
        assertThat(endpoints.shipment("shp_1")).hasToString("https://api.easypost.com/v2/shipments/shp_1");
        assertThat(endpoints.buy("shp_1")).hasToString("https://api.easypost.com/v2/shipments/shp_1/buy");
        assertThat(endpoints.refund("shp_1")).hasToString("https://api.easypost.com/v2/shipments/shp_1/refund");
        assertThat(endpoints.trackers()).hasToString("https://api.easypost.com/v2/trackers");
        assertThat(endpoints.trackersByCode("EZ1000000001"))
                .hasToString("https://api.easypost.com/v2/trackers?tracking_code=EZ1000000001&page_size=1");
        assertThat(endpoints.webhooks()).hasToString("https://api.easypost.com/v2/webhooks");
    }

    @Test
    void keepsTheVersionWithATrailingSlash() {
        assertThat(new EasyPostEndpoints(URI.create("http://127.0.0.1:8080/v2/")).shipments())
                .hasToString("http://127.0.0.1:8080/v2/shipments");
    }

    @Test
    void escapesAReferenceSoItCannotChangeThePath() {
        assertThat(endpoints.shipment("label:9d5ed678/../1 x"))
                .hasToString("https://api.easypost.com/v2/shipments/label%3A9d5ed678%2F..%2F1%20x");
        assertThat(endpoints.trackersByCode("a&b c")).hasToString(
                "https://api.easypost.com/v2/trackers?tracking_code=a%26b+c&page_size=1");
    }
}
