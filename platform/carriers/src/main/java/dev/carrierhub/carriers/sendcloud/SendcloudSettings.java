package dev.carrierhub.carriers.sendcloud;

import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how {@link SendcloudConnector} reaches Sendcloud's API v3.
 *
 * @param baseUri     the API v3 root, e.g. {@code https://panel.sendcloud.sc/api/v3}
 * @param publicKey   the integration's public key, the HTTP Basic user name
 * @param secretKey   the integration's secret key, the HTTP Basic password
 * @param timeout     the limit for connecting and, separately, for each whole request
 * @param labelFormat the label format: {@link Label#PDF}, {@link Label#ZPL} or {@link Label#PNG}
 */
public record SendcloudSettings(URI baseUri, String publicKey, String secretKey, Duration timeout, String labelFormat) {
    /** Sendcloud's API v3 root. */
    public static final URI API = URI.create("https://panel.sendcloud.sc/api/v3");
    static final Set<String> LABEL_FORMATS = Set.of(Label.PDF, Label.ZPL, Label.PNG);

    public SendcloudSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
            throw new IllegalArgumentException("baseUri must be an absolute http(s) URI, was " + baseUri);
        }
        if (publicKey == null || publicKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalArgumentException("Sendcloud needs a public key and a secret key");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        labelFormat = labelFormat == null || labelFormat.isBlank() ? Label.PDF : labelFormat.trim().toUpperCase(Locale.ROOT);
        if (!LABEL_FORMATS.contains(labelFormat)) {
            throw new IllegalArgumentException("labelFormat must be one of " + LABEL_FORMATS + ", was " + labelFormat);
        }
    }

    /** Settings with a PDF label. */
    public SendcloudSettings(URI baseUri, String publicKey, String secretKey, Duration timeout) {
        this(baseUri, publicKey, secretKey, timeout, Label.PDF);
    }

    /** The settings of a configured account: {@code api-key} (public key) and {@code api-secret} (secret key). */
    public static SendcloudSettings of(CarrierAccountsConfig.Account account) {
        return new SendcloudSettings(account.baseUrl(),
                account.apiKey().orElseThrow(() -> new IllegalArgumentException("a Sendcloud account needs api-key")),
                account.apiSecret().orElseThrow(() -> new IllegalArgumentException("a Sendcloud account needs api-secret")),
                account.timeout(), account.labelFormat().orElse(null));
    }

    /** Leaves both keys out, so settings can be logged. */
    @Override
    public String toString() {
        return "SendcloudSettings[baseUri=" + baseUri + ", publicKey=***, secretKey=***, timeout=" + timeout
                + ", labelFormat=" + labelFormat + "]";
    }
}
