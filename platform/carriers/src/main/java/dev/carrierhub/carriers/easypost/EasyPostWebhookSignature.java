package dev.carrierhub.carriers.easypost;

import dev.carrierhub.carriers.webhook.SignatureCheck;
import dev.carrierhub.carriers.webhook.WebhookCrypto;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * EasyPost's webhook signature: header {@value #HEADER} is {@code hmac-sha256-hex=<hex>}, the HMAC-SHA256 of the
 * raw body under the UTF-8 bytes of the webhook secret <em>after Unicode NFKD normalisation</em> (as EasyPost's
 * own clients compute it). EasyPost signs no timestamp, so there is no replay window: a replayed event is
 * recognised by its event id instead.
 */
public final class EasyPostWebhookSignature {
    public static final String HEADER = "X-Hmac-Signature";
    static final String PREFIX = "hmac-sha256-hex=";
    private static final Pattern HEX_DIGEST = Pattern.compile("[0-9a-fA-F]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private EasyPostWebhookSignature() {
    }

    /** The header value EasyPost would send for {@code body}. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HEX.formatHex(mac(secret, body));
    }

    /** Checks {@code header} against the raw request body, the bytes as received. */
    public static SignatureCheck verify(String secret, String header, byte[] body) {
        Objects.requireNonNull(body, "body");
        byte[] expected = mac(secret, body);
        if (header == null || header.length() > WebhookCrypto.MAX_HEADER_LENGTH) {
            return SignatureCheck.MALFORMED;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return SignatureCheck.MALFORMED;
        }
        String digest = value.substring(PREFIX.length());
        if (!HEX_DIGEST.matcher(digest).matches()) {
            return SignatureCheck.MALFORMED;
        }
        return WebhookCrypto.sameBytes(expected, HEX.parseHex(digest.toLowerCase(Locale.ROOT)))
                ? SignatureCheck.VALID : SignatureCheck.MISMATCH;
    }

    private static byte[] mac(String secret, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        // A secret typed with composed characters ("é") and one with combining marks ("e" + U+0301) sign alike.
        byte[] key = Normalizer.normalize(secret, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
        return WebhookCrypto.hmacSha256(key, Objects.requireNonNull(body, "body"));
    }
}
