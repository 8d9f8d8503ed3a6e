package dev.carrierhub.tracking;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * The real carriers' side of the callback tests: an account with a webhook secret for EasyPost, Shippo, Sendcloud
 * and UPS, FedEx's callback-only security token, and ShipEngine switched on with its JWKS served by WireMock from a
 * key pair made for the run. WireMock also answers EasyPost's webhook and tracker calls, so registering an EasyPost
 * tracker succeeds.
 */
public class CarrierCallbacksTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String EASYPOST_SECRET = "ep-te\u0301st-secret";
    public static final String SHIPPO_SECRET = "shippo-test-secret";
    public static final String SENDCLOUD_SECRET = "sendcloud-test-secret";
    public static final String UPS_CREDENTIAL = "ups-trackalert-credential";
    public static final String FEDEX_TOKEN = "fedex-test-security-token";
    public static final String SHIPENGINE_KID = "test-kid";
    public static final String JWKS_PATH = "/jwks";

    // Handed to the test through inject(): a test class and its resources may not share static state.
    private final KeyPair shipEngineKey = rsa();
    private WireMockServer server;

    /** Serves the JWKS with {@code key}'s public half, as ShipEngine publishes its keys. */
    public static void publishJwks(WireMockServer server, KeyPair key) {
        RSAPublicKey rsa = (RSAPublicKey) key.getPublic();
        server.stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(okJson("{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + SHIPENGINE_KID
                + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + base64Url(rsa.getModulus()) + "\",\"e\":\""
                + base64Url(rsa.getPublicExponent()) + "\"}]}")));
    }

    /** Makes the JWKS answer 503, as an outage would. */
    public static void jwksDown(WireMockServer server) {
        server.stubFor(get(urlEqualTo(JWKS_PATH)).willReturn(aResponse().withStatus(503)));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        publishJwks(server, shipEngineKey);
        server.stubFor(get(urlPathEqualTo("/easypost/v2/webhooks")).willReturn(okJson("{\"webhooks\":[]}")));
        server.stubFor(post(urlPathEqualTo("/easypost/v2/webhooks")).willReturn(okJson("{\"id\":\"hook_test\",\"object\":\"Webhook\"}")
                .withStatus(201)));
        server.stubFor(post(urlPathEqualTo("/easypost/v2/trackers")).willReturn(okJson("{\"id\":\"trk_test\",\"object\":\"Tracker\"}")
                .withStatus(201)));
        String base = server.baseUrl();
        return Map.ofEntries(
                Map.entry("carrierhub.carriers.accounts.easypost.type", "easypost"),
                Map.entry("carrierhub.carriers.accounts.easypost.base-url", base + "/easypost/v2"),
                Map.entry("carrierhub.carriers.accounts.easypost.api-key", "EZTK_test"),
                Map.entry("carrierhub.carriers.accounts.easypost.webhook-secret", EASYPOST_SECRET),
                Map.entry("carrierhub.carriers.accounts.shippo.type", "shippo"),
                Map.entry("carrierhub.carriers.accounts.shippo.base-url", base + "/shippo"),
                Map.entry("carrierhub.carriers.accounts.shippo.api-key", "shippo_test_key"),
                Map.entry("carrierhub.carriers.accounts.shippo.webhook-secret", SHIPPO_SECRET),
                Map.entry("carrierhub.carriers.accounts.sendcloud.type", "sendcloud"),
                Map.entry("carrierhub.carriers.accounts.sendcloud.base-url", base + "/sendcloud/api/v3"),
                Map.entry("carrierhub.carriers.accounts.sendcloud.api-key", "sendcloud-public"),
                Map.entry("carrierhub.carriers.accounts.sendcloud.api-secret", "sendcloud-secret"),
                Map.entry("carrierhub.carriers.accounts.sendcloud.webhook-secret", SENDCLOUD_SECRET),
                Map.entry("carrierhub.carriers.accounts.ups.type", "ups"),
                Map.entry("carrierhub.carriers.accounts.ups.base-url", base + "/ups"),
                Map.entry("carrierhub.carriers.accounts.ups.client-id", "ups-client"),
                Map.entry("carrierhub.carriers.accounts.ups.client-secret", "ups-client-secret"),
                Map.entry("carrierhub.carriers.accounts.ups.account-number", "A1B2C3"),
                Map.entry("carrierhub.carriers.accounts.ups.webhook-secret", UPS_CREDENTIAL),
                Map.entry("carrierhub.tracking.callbacks.fedex.secret", FEDEX_TOKEN),
                Map.entry("carrierhub.tracking.shipengine.enabled", "true"),
                Map.entry("carrierhub.tracking.shipengine.jwks-url", base + JWKS_PATH),
                // Every unknown key id may fetch again, so the tests do not depend on each other's order.
                Map.entry("carrierhub.tracking.shipengine.jwks-refresh-interval", "0s"));
    }

    /** The test gets the WireMock server and ShipEngine's key pair in its fields of those types. */
    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
        injector.injectIntoFields(shipEngineKey, new TestInjector.MatchesType(KeyPair.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] unsigned = bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}
