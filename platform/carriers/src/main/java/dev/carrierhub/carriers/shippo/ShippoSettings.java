package dev.carrierhub.carriers.shippo;

import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where and how {@link ShippoConnector} reaches Shippo.
 *
 * @param baseUri         the API root, e.g. {@code https://api.goshippo.com}
 * @param apiKey          the live or test API token, sent as {@code Authorization: ShippoToken <key>}
 * @param timeout         the limit for connecting and, separately, for each whole request
 * @param labelFormat     the label format to buy: {@link Label#PDF} (4×6 in), {@link Label#ZPL} or {@link Label#PNG}
 * @param carrierAccounts Shippo carrier account object ids to rate with; empty means every active account
 * @param trackingCarrier the carrier token Shippo tracks with (e.g. {@code usps}); null means this connector cannot
 *                        track, because {@code GET /tracks/{carrier}/{number}} needs it and a number alone does not say
 */
public record ShippoSettings(
        URI baseUri,
        String apiKey,
        Duration timeout,
        String labelFormat,
        List<String> carrierAccounts,
        String trackingCarrier) {
    /** Shippo's API root (the token decides live or test). */
    public static final URI API = URI.create("https://api.goshippo.com");
    static final Set<String> LABEL_FORMATS = Set.of(Label.PDF, Label.ZPL, Label.PNG);

    public ShippoSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
            throw new IllegalArgumentException("baseUri must be an absolute http(s) URI, was " + baseUri);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a Shippo API token is required");
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
        trackingCarrier = trackingCarrier == null || trackingCarrier.isBlank() ? null : trackingCarrier.trim();
    }

    /** Settings with a PDF label, every carrier account and no tracking carrier. */
    public ShippoSettings(URI baseUri, String apiKey, Duration timeout) {
        this(baseUri, apiKey, timeout, Label.PDF, List.of(), null);
    }

    /** The settings of a configured account: {@code api-key} is required, the rest optional. */
    public static ShippoSettings of(CarrierAccountsConfig.Account account) {
        return new ShippoSettings(account.baseUrl(),
                account.apiKey().orElseThrow(() -> new IllegalArgumentException("a Shippo account needs api-key")),
                account.timeout(), account.labelFormat().orElse(null), account.carrierAccounts().orElse(List.of()),
                account.trackingCarrier().orElse(null));
    }

    /** Whether the token is a test token: webhooks this connector creates are then test webhooks. */
    public boolean testMode() {
        return apiKey.startsWith("shippo_test_");
    }

    /** Leaves the token out, so settings can be logged. */
    @Override
    public String toString() {
        return "ShippoSettings[baseUri=" + baseUri + ", apiKey=***, timeout=" + timeout + ", labelFormat=" + labelFormat
                + ", carrierAccounts=" + carrierAccounts + ", trackingCarrier=" + trackingCarrier + "]";
    }
}
