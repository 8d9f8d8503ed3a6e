package dev.carrierhub.carriers.ups;

import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.util.Arrays;
import java.util.Optional;

/**
 * The UPS service codes the connector knows and the canonical service level of each. Rate shopping may
 * return other codes (e.g. 17 Worldwide Economy DDU, 70 Access Point Economy); they are quoted with no
 * service level rather than dropped.
 *
 * <p>Levels: next-day services are {@code OVERNIGHT}; second-day and international express services are
 * {@code EXPRESS}; three-day and deferred international services are {@code STANDARD}; Ground and Standard
 * (UPS's day-definite ground products) are {@code ECONOMY}, as order-intake already maps {@code ups/03}.
 */
public enum UpsService {
    NEXT_DAY_AIR("01", "UPS Next Day Air", ServiceLevel.OVERNIGHT),
    SECOND_DAY_AIR("02", "UPS 2nd Day Air", ServiceLevel.EXPRESS),
    GROUND("03", "UPS Ground", ServiceLevel.ECONOMY),
    WORLDWIDE_EXPRESS("07", "UPS Worldwide Express", ServiceLevel.EXPRESS),
    WORLDWIDE_EXPEDITED("08", "UPS Worldwide Expedited", ServiceLevel.STANDARD),
    STANDARD("11", "UPS Standard", ServiceLevel.ECONOMY),
    THREE_DAY_SELECT("12", "UPS 3 Day Select", ServiceLevel.STANDARD),
    NEXT_DAY_AIR_SAVER("13", "UPS Next Day Air Saver", ServiceLevel.OVERNIGHT),
    NEXT_DAY_AIR_EARLY("14", "UPS Next Day Air Early", ServiceLevel.OVERNIGHT),
    WORLDWIDE_EXPRESS_PLUS("54", "UPS Worldwide Express Plus", ServiceLevel.EXPRESS),
    SECOND_DAY_AIR_AM("59", "UPS 2nd Day Air A.M.", ServiceLevel.EXPRESS),
    SAVER("65", "UPS Saver", ServiceLevel.EXPRESS);

    private final String code;
    private final String description;
    private final ServiceLevel serviceLevel;

    UpsService(String code, String description, ServiceLevel serviceLevel) {
        this.code = code;
        this.description = description;
        this.serviceLevel = serviceLevel;
    }

    /** The code on the wire, e.g. {@code 03}; it is the {@code serviceCode} of quotes and bookings. */
    public String code() {
        return code;
    }

    /** UPS's name of the service, sent as {@code Service.Description} (at most 35 characters). */
    public String description() {
        return description;
    }

    public ServiceLevel serviceLevel() {
        return serviceLevel;
    }

    public static Optional<UpsService> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
