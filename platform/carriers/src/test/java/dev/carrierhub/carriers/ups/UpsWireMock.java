package dev.carrierhub.carriers.ups;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** A UPS stand-in on WireMock and a connector pointed at it, with a hand-moved clock and numbered transIds. */
final class UpsWireMock {
    static final String TOKEN_PATH = "/security/v1/oauth/token";
    static final String SHOP_PATH = "/api/rating/v2409/Shop";
    static final String RATE_PATH = "/api/rating/v2409/Rate";
    static final String SHIP_PATH = "/api/shipments/v2409/ship";
    static final String VOID_PATH = "/api/shipments/v2409/void/cancel/1ZA1B2C30390000017";
    static final String TRACK_PATH = "/api/track/v1/details/1ZA1B2C30390000017";

    final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final AtomicInteger transactions = new AtomicInteger();
    private final WireMockExtension server;

    UpsWireMock(WireMockExtension server) {
        this.server = server;
    }

    URI baseUri() {
        return URI.create(server.baseUrl());
    }

    UpsConnector connector() {
        return connector(UpsFixtures.settings(baseUri()));
    }

    UpsConnector connector(UpsSettings settings) {
        return new UpsConnector(settings, HttpClient.newHttpClient(), clock,
                () -> String.format("%032d", transactions.incrementAndGet()));
    }

    void tokenAnswers(String recorded) {
        server.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(json(200, recorded)));
    }

    static ResponseDefinitionBuilder json(int status, String recorded) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(UpsFixtures.text("recorded/" + recorded));
    }
}
