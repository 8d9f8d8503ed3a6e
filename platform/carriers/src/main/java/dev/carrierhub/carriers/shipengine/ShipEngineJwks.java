package dev.carrierhub.carriers.shipengine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * ShipEngine's webhook keys, fetched from its JWKS URL and cached.
 *
 * <ul>
 *   <li>A key id in the cache is answered from it. The cache is fetched again when a key id it does not hold
 *       arrives, or when it is older than {@code maxAge} (so a key ShipEngine withdrew stops being trusted).</li>
 *   <li>Fetches start at most once per {@code minRefreshInterval}, failed ones included, and callers that arrive
 *       while one runs wait for it: a flood of callbacks with made-up key ids costs ShipEngine one request a
 *       minute, not one per callback. Within the interval an unknown key id is answered "no such key" (or
 *       "unavailable" when the last fetch failed).</li>
 *   <li>When a fetch fails, keys already held stay in use.</li>
 * </ul>
 * Only RSA keys with a {@code kid} are kept, and only those meant for signatures ({@code use} absent or
 * {@code sig}; {@code alg} absent or {@code RS256}).
 */
public final class ShipEngineJwks implements ShipEngineKeys {
    /** ShipEngine's published JWKS. */
    public static final URI DEFAULT_URL = URI.create("https://api.shipengine.com/jwks");
    static final int MAX_BYTES = 256 * 1024;
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final URI url;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Duration timeout;
    private final HttpClient http;
    private final Clock clock;

    // All guarded by this.
    private Map<String, PublicKey> keys = Map.of();
    private Instant fetchedAt;
    private Instant lastAttempt;
    private boolean lastAttemptFailed;
    private CompletableFuture<Map<String, PublicKey>> inFlight;

    public ShipEngineJwks(URI url, Duration minRefreshInterval, Duration maxAge, Duration timeout) {
        this(url, minRefreshInterval, maxAge, timeout,
                HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build(),
                Clock.systemUTC());
    }

    ShipEngineJwks(URI url, Duration minRefreshInterval, Duration maxAge, Duration timeout, HttpClient http, Clock clock) {
        this.url = Objects.requireNonNull(url, "url");
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (minRefreshInterval.isNegative() || maxAge.isNegative() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("JWKS intervals must not be negative and the timeout must be positive");
        }
    }

    @Override
    public CompletionStage<Optional<PublicKey>> find(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        PublicKey held;
        CompletableFuture<Map<String, PublicKey>> fetch;
        synchronized (this) {
            Instant now = clock.instant();
            held = keys.get(keyId);
            boolean fresh = fetchedAt != null && now.isBefore(fetchedAt.plus(maxAge));
            if (held != null && fresh) {
                return CompletableFuture.completedFuture(Optional.of(held));
            }
            if (inFlight != null) {
                fetch = inFlight;
            } else if (lastAttempt != null && now.isBefore(lastAttempt.plus(minRefreshInterval))) {
                if (held != null) {
                    return CompletableFuture.completedFuture(Optional.of(held));
                }
                return lastAttemptFailed
                        ? CompletableFuture.failedFuture(new KeysUnavailableException(
                                "the last fetch of " + url + " failed; the next is allowed at "
                                        + lastAttempt.plus(minRefreshInterval), null))
                        : CompletableFuture.completedFuture(Optional.empty());
            } else {
                lastAttempt = now;
                fetch = fetch().whenComplete(this::settle);
                // A fetch that completed at once has settled already; keep no finished future around.
                inFlight = fetch.isDone() ? null : fetch;
            }
        }
        PublicKey fallback = held;
        return fetch.handle((fetched, failure) -> {
            if (failure == null) {
                return Optional.ofNullable(fetched.get(keyId));
            }
            if (fallback != null) {
                return Optional.of(fallback);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            throw cause instanceof KeysUnavailableException unavailable ? unavailable
                    : new KeysUnavailableException("ShipEngine keys could not be fetched from " + url, cause);
        });
    }

    private synchronized void settle(Map<String, PublicKey> fetched, Throwable failure) {
        inFlight = null;
        if (failure == null) {
            keys = fetched;
            fetchedAt = clock.instant();
            lastAttemptFailed = false;
        } else {
            lastAttemptFailed = true;
        }
    }

    private CompletableFuture<Map<String, PublicKey>> fetch() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/json").GET().build();
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
                if (response.statusCode() != 200) {
                    throw new KeysUnavailableException(url + " answered " + response.statusCode(), null);
                }
                if (response.body().length > MAX_BYTES) {
                    throw new KeysUnavailableException(url + " answered more than " + MAX_BYTES + " bytes", null);
                }
                return parse(response.body());
            });
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(new KeysUnavailableException("could not ask " + url, refused));
        }
    }

    /** The usable keys of a JWKS document, by key id. */
    static Map<String, PublicKey> parse(byte[] jwks) {
        JsonNode document;
        try {
            document = MAPPER.readTree(jwks);
        } catch (IOException unreadable) {
            throw new KeysUnavailableException("the JWKS is not JSON", unreadable);
        }
        if (document == null || !document.path("keys").isArray()) {
            throw new KeysUnavailableException("the JWKS has no keys array", null);
        }
        Map<String, PublicKey> usable = new LinkedHashMap<>();
        for (JsonNode jwk : document.path("keys")) {
            rsaKey(jwk).ifPresent(key -> usable.putIfAbsent(jwk.path("kid").asText(), key));
        }
        return Map.copyOf(usable);
    }

    private static Optional<PublicKey> rsaKey(JsonNode jwk) {
        String use = jwk.path("use").asText("sig");
        String alg = jwk.path("alg").asText("RS256");
        if (!"RSA".equals(jwk.path("kty").asText()) || !jwk.path("kid").isTextual() || jwk.path("kid").asText().isEmpty()
                || !"sig".equals(use) || !"RS256".equals(alg) || !jwk.path("n").isTextual() || !jwk.path("e").isTextual()) {
            return Optional.empty();
        }
        try {
            BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText()));
            BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()));
            return Optional.of(KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent)));
        } catch (IllegalArgumentException | GeneralSecurityException unusable) {
            return Optional.empty();
        }
    }
}
