package dev.carrierhub.carriers.shippo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShippoEndpointsTest {
    private final ShippoEndpoints endpoints = new ShippoEndpoints(ShippoSettings.API);

    @Test
    void buildsThePathsOfThePublishedSpec() {
        assertThat(endpoints.shipments()).hasToString("https://api.goshippo.com/shipments");
        assertThat(endpoints.transactions()).hasToString("https://api.goshippo.com/transactions");
        assertThat(endpoints.recentTransactions(100)).hasToString("https://api.goshippo.com/transactions?results=100&page=1");
        assertThat(endpoints.recentTransactions(500)).hasToString("https://api.goshippo.com/transactions?results=100&page=1");
        assertThat(endpoints.transaction("915d")).hasToString("https://api.goshippo.com/transactions/915d");
        assertThat(endpoints.rate("ec9f")).hasToString("https://api.goshippo.com/rates/ec9f");
        assertThat(endpoints.refunds()).hasToString("https://api.goshippo.com/refunds");
        assertThat(endpoints.tracks()).hasToString("https://api.goshippo.com/tracks");
        assertThat(endpoints.track("usps", "9205590164917312751089"))
                .hasToString("https://api.goshippo.com/tracks/usps/9205590164917312751089");
        assertThat(endpoints.webhooks()).hasToString("https://api.goshippo.com/webhooks");
    }

    @Test
    void escapesIdsSoTheyCannotChangeThePath() {
        assertThat(endpoints.track("dhl/express", "1Z 9?x")).hasToString("https://api.goshippo.com/tracks/dhl%2Fexpress/1Z%209%3Fx");
        assertThat(endpoints.transaction("../refunds")).hasToString("https://api.goshippo.com/transactions/..%2Frefunds");
    }
}
