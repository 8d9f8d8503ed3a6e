package dev.carrierhub.carriers.shipengine;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** RSA key pairs made for a test run, their JWKS, and a key source that answers from a map. */
final class TestKeys {
    private TestKeys() {
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One JWK, as ShipEngine publishes its keys. */
    static String jwk(String kid, PublicKey key) {
        RSAPublicKey rsa = (RSAPublicKey) key;
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + base64Url(rsa.getModulus())
                + "\",\"e\":\"" + base64Url(rsa.getPublicExponent()) + "\"}";
    }

    static String jwks(String... jwks) {
        return "{\"keys\":[" + String.join(",", jwks) + "]}";
    }

    static ShipEngineKeys fixed(Map<String, PublicKey> keys) {
        return keyId -> CompletableFuture.completedFuture(Optional.ofNullable(keys.get(keyId)));
    }

    static ShipEngineKeys unavailable() {
        return keyId -> CompletableFuture.failedFuture(new ShipEngineKeys.KeysUnavailableException("down", null));
    }

    static ShipEngineKeys failingOnUse() {
        return keyId -> {
            throw new AssertionError("the keys must not be looked up for this callback");
        };
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] unsigned = Arrays.copyOfRange(bytes, skip, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }
}
