package dev.carrierhub.carriers.ups;

import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One tenant's UPS account as {@link UpsConnector} uses it. Build it with {@link #of} and adjust with the
 * {@code with*} methods; the client secret comes from configuration only and never appears in
 * {@link #toString()}.
 *
 * @param baseUri          {@link #CIE} (UPS's test environment) or {@link #PRODUCTION}; a path prefix is kept
 * @param clientId         the OAuth client id of the UPS developer app
 * @param clientSecret     the OAuth client secret of the UPS developer app
 * @param accountNumber    the 6-character UPS shipper number that pays for labels and gets negotiated rates
 * @param ratingVersion    the Rating API version in the path, {@code v2409} unless set
 * @param shippingVersion  the Shipping API version in the path (ship and void), {@code v2409} unless set
 * @param labelFormat      the label format returned by {@link UpsConnector#ship}
 * @param timeout          the limit for connecting and for each whole call, as the caller sees it
 * @param lateAnswerWindow how much longer a booking call keeps listening after {@code timeout}, so that a
 *                         booking UPS confirms late is still recorded for {@link UpsConnector#findBooking}
 * @param timeInTransit    whether rate shopping asks for transit times ({@code Shoptimeintransit}) too
 */
public record UpsSettings(
        URI baseUri,
        String clientId,
        String clientSecret,
        String accountNumber,
        String ratingVersion,
        String shippingVersion,
        UpsLabelFormat labelFormat,
        Duration timeout,
        Duration lateAnswerWindow,
        boolean timeInTransit) {
    /** UPS's Customer Integration Environment (test labels, nothing billed). */
    public static final URI CIE = URI.create("https://wwwcie.ups.com");
    /** UPS production. */
    public static final URI PRODUCTION = URI.create("https://onlinetools.ups.com");
    public static final String DEFAULT_VERSION = "v2409";
    public static final Duration DEFAULT_LATE_ANSWER_WINDOW = Duration.ofSeconds(60);

    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[A-Za-z0-9]{6}");
    private static final Pattern VERSION = Pattern.compile("v[0-9]{1,6}");

    public UpsSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
            throw new IllegalArgumentException("baseUri must be an absolute http(s) URI, was " + baseUri);
        }
        clientId = required(clientId, "clientId");
        clientSecret = required(clientSecret, "clientSecret");
        accountNumber = required(accountNumber, "accountNumber");
        if (!ACCOUNT_NUMBER.matcher(accountNumber).matches()) {
            throw new IllegalArgumentException("accountNumber must be the 6-character UPS shipper number");
        }
        ratingVersion = version(ratingVersion, "ratingVersion");
        shippingVersion = version(shippingVersion, "shippingVersion");
        Objects.requireNonNull(labelFormat, "labelFormat");
        positive(timeout, "timeout");
        Objects.requireNonNull(lateAnswerWindow, "lateAnswerWindow");
        if (lateAnswerWindow.isNegative()) {
            throw new IllegalArgumentException("lateAnswerWindow must not be negative, was " + lateAnswerWindow);
        }
    }

    /** An account with the defaults: API versions {@code v2409}, PDF labels, 60 s late-answer window, plain shopping. */
    public static UpsSettings of(URI baseUri, String clientId, String clientSecret, String accountNumber,
            Duration timeout) {
        return new UpsSettings(baseUri, clientId, clientSecret, accountNumber, DEFAULT_VERSION, DEFAULT_VERSION,
                UpsLabelFormat.PDF, timeout, DEFAULT_LATE_ANSWER_WINDOW, false);
    }

    /**
     * The settings of a configured account ({@code carrierhub.carriers.accounts.<name>.*}): {@code base-url},
     * {@code client-id}, {@code client-secret}, {@code account-number} (required), {@code api-version},
     * {@code label-format} ({@code PDF} unless set; {@code GIF}, {@code PNG}, {@code ZPL}) and {@code timeout}.
     */
    public static UpsSettings of(CarrierAccountsConfig.Account account) {
        UpsSettings settings = of(account.baseUrl(),
                account.clientId().orElseThrow(() -> new IllegalArgumentException("a UPS account needs client-id")),
                account.clientSecret().orElseThrow(() -> new IllegalArgumentException("a UPS account needs client-secret")),
                account.accountNumber().orElseThrow(() -> new IllegalArgumentException("a UPS account needs account-number")),
                account.timeout());
        if (account.apiVersion().isPresent()) {
            settings = settings.withApiVersion(account.apiVersion().get());
        }
        if (account.labelFormat().isPresent()) {
            String name = account.labelFormat().get();
            settings = settings.withLabelFormat(UpsLabelFormat.parse(name).orElseThrow(() ->
                    new IllegalArgumentException("a UPS account's label-format is GIF, PNG, ZPL or PDF, was " + name)));
        }
        return settings;
    }

    public UpsSettings withLabelFormat(UpsLabelFormat format) {
        return new UpsSettings(baseUri, clientId, clientSecret, accountNumber, ratingVersion, shippingVersion, format,
                timeout, lateAnswerWindow, timeInTransit);
    }

    /** The same API version for rating and shipping. */
    public UpsSettings withApiVersion(String version) {
        return new UpsSettings(baseUri, clientId, clientSecret, accountNumber, version, version, labelFormat,
                timeout, lateAnswerWindow, timeInTransit);
    }

    public UpsSettings withTimeInTransit(boolean enabled) {
        return new UpsSettings(baseUri, clientId, clientSecret, accountNumber, ratingVersion, shippingVersion,
                labelFormat, timeout, lateAnswerWindow, enabled);
    }

    public UpsSettings withLateAnswerWindow(Duration window) {
        return new UpsSettings(baseUri, clientId, clientSecret, accountNumber, ratingVersion, shippingVersion,
                labelFormat, timeout, window, timeInTransit);
    }

    /** Leaves the client secret out, so settings can be logged. */
    @Override
    public String toString() {
        return "UpsSettings[baseUri=" + baseUri + ", clientId=" + clientId + ", clientSecret=***, accountNumber="
                + accountNumber + ", ratingVersion=" + ratingVersion + ", shippingVersion=" + shippingVersion
                + ", labelFormat=" + labelFormat + ", timeout=" + timeout + ", lateAnswerWindow=" + lateAnswerWindow
                + ", timeInTransit=" + timeInTransit + "]";
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.trim();
    }

    private static String version(String value, String name) {
        String version = value == null || value.isBlank() ? DEFAULT_VERSION : value.trim();
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(name + " must look like v2409, was " + value);
        }
        return version;
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
