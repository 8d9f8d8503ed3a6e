package dev.carrierhub.intake.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The optional signature a signing proxy adds in front of Odoo (which cannot sign):
 * {@code X-Carrierhub-Signature: sha256=<lowercase hex of HMAC-SHA256(key = UTF-8 bytes of the tenant's
 * hmac-secret, message = the raw request body bytes)>}.
 */
public final class WebhookSignature {
    public static final String HEADER = "X-Carrierhub-Signature";
    private static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int HEX_LENGTH = 64;

    private final SecretKeySpec key;

    public WebhookSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an HMAC secret must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The header value for a body, as the signing proxy computes it. */
    public String sign(byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(body));
    }

    /** True only for a well-formed header whose HMAC matches, compared in constant time. */
    public boolean verify(byte[] body, String header) {
        byte[] presented = presented(header);
        // A malformed header is still compared, against a value that cannot match, so it takes as long.
        boolean wellFormed = presented != null;
        byte[] expected = mac(body);
        return MessageDigest.isEqual(expected, wellFormed ? presented : new byte[expected.length]) && wellFormed;
    }

    private static byte[] presented(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || value.length() != SCHEME.length() + HEX_LENGTH) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(value, SCHEME.length(), value.length());
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
