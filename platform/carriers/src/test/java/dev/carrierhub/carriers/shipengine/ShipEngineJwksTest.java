package dev.carrierhub.carriers.shipengine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JWKS cache against a ShipEngine stand-in on WireMock, with a clock moved by hand. */
class ShipEngineJwksTest {
    private static final String PATH = "/jwks";
    private static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static final KeyPair FIRST = TestKeys.rsa();
    private static final KeyPair SECOND = TestKeys.rsa();

    @RegisterExtension
    static WireMockExtension shipengine = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-27T12:00:00Z"));
    private ShipEngineJwks jwks;

    @BeforeEach
    void cache() {
        jwks = new ShipEngineJwks(URI.create(shipengine.baseUrl() + PATH), MIN_REFRESH, MAX_AGE, Duration.ofSeconds(2),
                HttpClient.newHttpClient(), clock);
    }

    @Test
    void keysAreFetchedOnceAndThenAnsweredFromTheCache() {
        publish(TestKeys.jwk("kid-1", FIRST.getPublic()));

        for (int i = 0; i < 5; i++) {
            assertThat(find("kid-1")).contains(FIRST.getPublic());
        }
        clock.advance(Duration.ofMinutes(59));
        assertThat(find("kid-1")).contains(FIRST.getPublic());

        assertThat(fetches()).isEqualTo(1);
    }

    @Test
    void anUnknownKeyIdFetchesAgainAtMostOncePerInterval() {
        publish(TestKeys.jwk("kid-1", FIRST.getPublic()));
        assertThat(find("kid-1")).isPresent();
        clock.advance(MIN_REFRESH);
        publish(TestKeys.jwk("kid-1", FIRST.getPublic()), TestKeys.jwk("kid-2", SECOND.getPublic()));

        assertThat(find("kid-2")).as("rotated in: found after one refresh").contains(SECOND.getPublic());
        for (int i = 0; i < 20; i++) {
            assertThat(find("forged-" + i)).isEmpty();
        }
        assertThat(fetches()).as("made-up key ids within the minute cost nothing").isEqualTo(2);

        clock.advance(MIN_REFRESH);
        assertThat(find("forged-again")).isEmpty();
        assertThat(fetches()).isEqualTo(3);
        assertThat(find("kid-1")).as("the keys held are still answered").contains(FIRST.getPublic());
    }

    @Test
    void concurrentLookupsShareOneFetch() {
        shipengine.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(TestKeys.jwks(TestKeys.jwk("kid-1", FIRST.getPublic())))
                .withFixedDelay(300)));

        List<CompletableFuture<Optional<PublicKey>>> lookups = IntStream.range(0, 10)
                .mapToObj(i -> jwks.find(i % 2 == 0 ? "kid-1" : "kid-x").toCompletableFuture()).toList();

        assertThat(lookups).extracting(CompletableFuture::join).filteredOn(Optional::isPresent).hasSize(5);
        assertThat(fetches()).isEqualTo(1);
    }

    @Test
    void aFailedFetchIsUnavailableAndNotRepeatedWithinTheInterval() {
        shipengine.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> find("kid-1")).hasCauseInstanceOf(ShipEngineKeys.KeysUnavailableException.class);
        assertThatThrownBy(() -> find("kid-1")).hasCauseInstanceOf(ShipEngineKeys.KeysUnavailableException.class);
        assertThat(fetches()).isEqualTo(1);

        clock.advance(MIN_REFRESH);
        publish(TestKeys.jwk("kid-1", FIRST.getPublic()));
        assertThat(find("kid-1")).contains(FIRST.getPublic());
        assertThat(fetches()).isEqualTo(2);
    }

    @Test
    void oldKeysAreFetchedAgainAndKeptWhenTheFetchFails() {
        publish(TestKeys.jwk("kid-1", FIRST.getPublic()));
        assertThat(find("kid-1")).isPresent();
        clock.advance(MAX_AGE);
        shipengine.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500)));

        assertThat(find("kid-1")).as("ShipEngine is down: the key held stays in use").contains(FIRST.getPublic());
        assertThat(fetches()).isEqualTo(2);

        clock.advance(MIN_REFRESH);
        publish(TestKeys.jwk("kid-2", SECOND.getPublic()));
        assertThat(find("kid-1")).as("withdrawn by ShipEngine").isEmpty();
        assertThat(find("kid-2")).contains(SECOND.getPublic());
    }

    @Test
    void unreadableOrOversizedKeySetsAreUnavailable() {
        shipengine.stubFor(get(urlEqualTo(PATH)).willReturn(okJson("{\"not\":\"a jwks\"}")));
        assertThatThrownBy(() -> find("kid-1")).hasCauseInstanceOf(ShipEngineKeys.KeysUnavailableException.class);

        clock.advance(MIN_REFRESH);
        shipengine.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(" ".repeat(ShipEngineJwks.MAX_BYTES) + "{\"keys\":[]}")));
        assertThatThrownBy(() -> find("kid-1")).hasCauseInstanceOf(ShipEngineKeys.KeysUnavailableException.class);
    }

    @Test
    void onlyRsaSigningKeysAreKept() {
        String encryption = TestKeys.jwk("enc-1", FIRST.getPublic()).replace("\"use\":\"sig\"", "\"use\":\"enc\"");
        String otherAlgorithm = TestKeys.jwk("ps-1", FIRST.getPublic()).replace("RS256", "PS256");
        String ec = "{\"kty\":\"EC\",\"kid\":\"ec-1\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}";
        String garbled = "{\"kty\":\"RSA\",\"kid\":\"bad-1\",\"n\":\"***\",\"e\":\"AQAB\"}";
        String bare = TestKeys.jwk("bare-1", SECOND.getPublic()).replace(",\"use\":\"sig\",\"alg\":\"RS256\"", "");

        assertThat(ShipEngineJwks.parse(TestKeys.jwks(encryption, otherAlgorithm, ec, garbled, bare)
                .getBytes(StandardCharsets.UTF_8))).containsOnlyKeys("bare-1");
    }

    private Optional<PublicKey> find(String kid) {
        return jwks.find(kid).toCompletableFuture().join();
    }

    private static void publish(String... keys) {
        shipengine.stubFor(get(urlEqualTo(PATH)).willReturn(okJson(TestKeys.jwks(keys))));
    }

    private static int fetches() {
        return shipengine.findAll(getRequestedFor(urlEqualTo(PATH))).size();
    }

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
