package dev.carrierhub.carriers.ups;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The UPS URLs under one base URI ({@link UpsSettings#CIE} or {@link UpsSettings#PRODUCTION}): the OAuth
 * token at {@code /security/v1/oauth/token}, the APIs under {@code /api}. Path values are escaped.
 */
public final class UpsEndpoints {
    /** Rate one service. */
    public static final String RATE = "Rate";
    /** Rate every service UPS offers on the lane. */
    public static final String SHOP = "Shop";
    /** Rate every service, with transit times. */
    public static final String SHOP_TIME_IN_TRANSIT = "Shoptimeintransit";

    private final URI base;
    private final String ratingVersion;
    private final String shippingVersion;

    public UpsEndpoints(UpsSettings settings) {
        this(settings.baseUri(), settings.ratingVersion(), settings.shippingVersion());
    }

    public UpsEndpoints(URI baseUri, String ratingVersion, String shippingVersion) {
        String text = Objects.requireNonNull(baseUri, "baseUri").toString();
        // Resolving against a base without a trailing slash would drop its last path segment.
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.ratingVersion = segment(ratingVersion);
        this.shippingVersion = segment(shippingVersion);
    }

    public URI token() {
        return base.resolve("security/v1/oauth/token");
    }

    /** {@code requestoption} is {@link #RATE}, {@link #SHOP} or {@link #SHOP_TIME_IN_TRANSIT}. */
    public URI rating(String requestOption) {
        return base.resolve("api/rating/" + ratingVersion + "/" + segment(requestOption));
    }

    public URI ship() {
        return base.resolve("api/shipments/" + shippingVersion + "/ship");
    }

    public URI voidShipment(String shipmentIdentificationNumber) {
        return base.resolve("api/shipments/" + shippingVersion + "/void/cancel/" + segment(shipmentIdentificationNumber));
    }

    public URI tracking(String inquiryNumber) {
        return base.resolve("api/track/v1/details/" + segment(inquiryNumber));
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters, so a value cannot add a path segment. */
    static String segment(String value) {
        Objects.requireNonNull(value, "path segment");
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
