package dev.carrierhub.carriers.easypost;

import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how {@link EasyPostConnector} reaches EasyPost.
 *
 * @param baseUri         the API root including the version, e.g. {@code https://api.easypost.com/v2}
 * @param apiKey          the test or production API key, sent as the HTTP Basic user name
 * @param timeout         the limit for connecting and, separately, for each whole request
 * @param labelFormat     the label format to buy: {@link Label#PDF}, {@link Label#ZPL} or {@link Label#PNG}
 * @param carrierAccounts EasyPost carrier account ids ({@code ca_…}) to rate with; empty means all of the account's
 * @param webhookSecret   the secret EasyPost signs webhooks with, set on webhooks this connector creates; may be null
 */
public record EasyPostSettings(
        URI baseUri,
        String apiKey,
        Duration timeout,
        String labelFormat,
        List<String> carrierAccounts,
        String webhookSecret) {
    /** EasyPost's production and test API root (the key decides the mode). */
    public static final URI API = URI.create("https://api.easypost.com/v2");
    static final Set<String> LABEL_FORMATS = Set.of(Label.PDF, Label.ZPL, Label.PNG);

    public EasyPostSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
            throw new IllegalArgumentException("baseUri must be an absolute http(s) URI, was " + baseUri);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an EasyPost API key is required");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        labelFormat = labelFormat == null || labelFormat.isBlank() ? Label.PDF : labelFormat.trim().toUpperCase(Locale.ROOT);
        if (!LABEL_FORMATS.contains(labelFormat)) {
            throw new IllegalArgumentException("labelFormat must be one of " + LABEL_FORMATS + ", was " + labelFormat);
        }
        carrierAccounts = carrierAccounts == null ? List.of() : List.copyOf(carrierAccounts);
        if (webhookSecret != null && webhookSecret.isBlank()) {
            webhookSecret = null;
        }
    }

    /** Settings with a PDF label, every carrier account and no webhook secret. */
    public EasyPostSettings(URI baseUri, String apiKey, Duration timeout) {
        this(baseUri, apiKey, timeout, Label.PDF, List.of(), null);
    }

    /** The settings of a configured account: {@code api-key} is required, the rest optional. */
    public static EasyPostSettings of(CarrierAccountsConfig.Account account) {
        return new EasyPostSettings(account.baseUrl(),
                account.apiKey().orElseThrow(() -> new IllegalArgumentException("an EasyPost account needs api-key")),
                account.timeout(), account.labelFormat().orElse(null), account.carrierAccounts().orElse(List.of()),
                account.webhookSecret().orElse(null));
    }

    /** Leaves the key and the webhook secret out, so settings can be logged. */
    @Override
    public String toString() {
        return "EasyPostSettings[baseUri=" + baseUri + ", apiKey=***, timeout=" + timeout + ", labelFormat=" + labelFormat
                + ", carrierAccounts=" + carrierAccounts + ", webhookSecret=" + (webhookSecret == null ? "none" : "***") + "]";
    }
}
