package dev.carrierhub.carriers.ups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.CarrierMessage;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.carriers.RetryAfter;
import dev.carrierhub.carriers.TrackingEvent;
import dev.carrierhub.carriers.TrackingResult;
import dev.carrierhub.carriers.VoidResult;
import dev.carrierhub.contracts.events.Milestone;
import dev.carrierhub.contracts.events.ProofOfDelivery;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * UPS answers → canonical results plus carrier messages, and failed answers → {@link CarrierException}
 * of the right kind. Pure: no I/O; the clock only turns a {@code Retry-After} date into a wait.
 *
 * <p>Every UPS list is read with {@link UpsJson#list}, because UPS sends a lone element as an object
 * where its schema says array. Alerts, disclaimers and tracking warnings become {@link CarrierMessage}s.
 *
 * <p>Statuses: an error body {@code {"response":{"errors":[{"code","message"}]}}} gives the code and
 * message; 400, 404 and other 4xx → {@code INVALID_REQUEST}; 401/403 → {@code AUTH_FAILED}; 429 →
 * {@code RATE_LIMITED} with {@code Retry-After}; 503 → {@code UNAVAILABLE}; other 5xx and 408 →
 * {@code TRANSIENT}. The token endpoint's 400/401/403 are {@code AUTH_FAILED} (the app's credentials are
 * wrong, not the shipment). Transport: a request timeout or broken connection → {@code TRANSIENT}; a
 * refused or timed-out connect or an unknown host → {@code UNAVAILABLE}.
 */
public final class UpsResponseMapper {
    static final String CARRIER = UpsConnector.CARRIER;
    /** UPS's "your invoice may vary from the displayed reference rates", on nearly every answer. */
    static final String INVOICE_MAY_VARY = "110971";

    private static final Pattern ALREADY_VOIDED = Pattern.compile("already\\s+(been\\s+)?voided",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final UpsLabelFormat labelFormat;
    private final Clock clock;

    public UpsResponseMapper(UpsLabelFormat labelFormat) {
        this(labelFormat, Clock.systemUTC());
    }

    public UpsResponseMapper(UpsLabelFormat labelFormat, Clock clock) {
        this.labelFormat = Objects.requireNonNull(labelFormat, "labelFormat");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------------------------------------- rating

    /**
     * A {@code RateResponse} → one quote per {@code RatedShipment}. The price is the negotiated total when
     * UPS gives one (with taxes if present), else the published total; transit days come from
     * {@code TimeInTransit} when present, else from {@code GuaranteedDelivery}.
     */
    public RateResult toRateResult(UpsReply reply) {
        JsonNode response = successBody(reply).path("RateResponse");
        if (!response.isObject()) {
            throw unreadable(reply, "no RateResponse", null);
        }
        Messages messages = new Messages();
        messages.alerts(response.path("Response").path("Alert"));
        List<Quote> quotes = new ArrayList<>();
        for (JsonNode rated : UpsJson.list(response.path("RatedShipment"))) {
            String serviceCode = UpsJson.text(rated.path("Service"), "Code");
            if (serviceCode == null) {
                throw unreadable(reply, "a RatedShipment without Service.Code", null);
            }
            messages.alerts(rated.path("RatedShipmentAlert"));
            ServiceLevel level = UpsService.ofCode(serviceCode).map(UpsService::serviceLevel).orElse(null);
            quotes.add(new Quote(null, CARRIER, serviceCode, level, charges(rated, reply), transitDays(rated)));
        }
        return new RateResult(quotes, messages.list());
    }

    private static Integer transitDays(JsonNode rated) {
        for (JsonNode summary : UpsJson.list(rated.path("TimeInTransit").path("ServiceSummary"))) {
            Integer days = integer(UpsJson.text(summary.path("EstimatedArrival"), "BusinessDaysInTransit"));
            if (days != null) {
                return days;
            }
        }
        return integer(UpsJson.text(rated.path("GuaranteedDelivery"), "BusinessDaysInTransit"));
    }

    // -------------------------------------------------------------------------------------------- shipping

    /**
     * A {@code ShipmentResponse} → the booking: {@code ShipmentIdentificationNumber} is the carrier
     * shipment id (what {@code voidLabel} takes), the first package's tracking number is the tracking
     * number, and every {@code PackageResults} gives one label, matched to the parcel at the same position.
     * With several packages, each package's tracking number is reported as an {@code INFO} message
     * {@code package_tracking_number}, because the booking has room for one.
     *
     * @param parcelReferences the shipment's parcel references, in request order
     */
    public BookingResult toBookingResult(UpsReply reply, List<String> parcelReferences) {
        JsonNode response = successBody(reply).path("ShipmentResponse");
        JsonNode results = response.path("ShipmentResults");
        if (!results.isObject()) {
            throw unreadable(reply, "no ShipmentResults", null);
        }
        String shipmentId = UpsJson.text(results, "ShipmentIdentificationNumber");
        if (shipmentId == null) {
            throw unreadable(reply, "no ShipmentIdentificationNumber", null);
        }
        Messages messages = new Messages();
        messages.alerts(response.path("Response").path("Alert"));
        for (JsonNode disclaimer : UpsJson.list(results.path("Disclaimer"))) {
            messages.add(Optional.ofNullable(UpsJson.text(disclaimer, "Code")).orElse("disclaimer"),
                    UpsJson.text(disclaimer, "Description"), CarrierMessage.Severity.INFO);
        }
        List<JsonNode> packages = UpsJson.list(results.path("PackageResults"));
        if (packages.size() != parcelReferences.size()) {
            messages.add("package_count_mismatch", "UPS answered " + packages.size() + " packages for "
                    + parcelReferences.size() + " parcels", CarrierMessage.Severity.WARNING);
        }
        List<Label> labels = new ArrayList<>();
        String firstTrackingNumber = null;
        for (int i = 0; i < packages.size(); i++) {
            JsonNode pkg = packages.get(i);
            String trackingNumber = UpsJson.text(pkg, "TrackingNumber");
            String parcelReference = i < parcelReferences.size() ? parcelReferences.get(i) : trackingNumber;
            if (firstTrackingNumber == null) {
                firstTrackingNumber = trackingNumber;
            }
            if (packages.size() > 1 && trackingNumber != null) {
                messages.add("package_tracking_number", parcelReference + ": " + trackingNumber,
                        CarrierMessage.Severity.INFO);
            }
            JsonNode shippingLabel = pkg.path("ShippingLabel");
            String image = UpsJson.text(shippingLabel, "GraphicImage");
            if (image == null) {
                messages.add("label_missing", "UPS sent no label for parcel " + parcelReference,
                        CarrierMessage.Severity.WARNING);
                continue;
            }
            labels.add(label(parcelReference, UpsJson.text(shippingLabel.path("ImageFormat"), "Code"), image, messages));
        }
        Money price = shipmentPrice(results, reply);
        return new BookingResult(shipmentId, firstTrackingNumber != null ? firstTrackingNumber : shipmentId, price,
                labels, messages.list());
    }

    private Label label(String parcelReference, String imageFormat, String base64, Messages messages) {
        byte[] content;
        try {
            // MIME decoding tolerates the line breaks some gateways put into long base64 values.
            content = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "UPS sent a label that is not base64", notBase64);
        }
        String format = imageFormat == null ? labelFormat.requestCode() : imageFormat.toUpperCase(Locale.ROOT);
        if (labelFormat == UpsLabelFormat.PDF && (format.equals("GIF") || format.equals("PNG"))) {
            try {
                return new Label(parcelReference, Label.PDF, UpsLabelRenderer.toPdf(content));
            } catch (IOException | RuntimeException unreadableImage) {
                messages.add("label_not_converted", "the " + format + " label of parcel " + parcelReference
                        + " could not be put on a PDF page and is returned as it came", CarrierMessage.Severity.WARNING);
            }
        }
        return new Label(parcelReference, format, content);
    }

    private static Money shipmentPrice(JsonNode results, UpsReply reply) {
        Money negotiated = negotiated(results.path("NegotiatedRateCharges"), reply);
        if (negotiated != null) {
            return negotiated;
        }
        for (JsonNode charges : UpsJson.list(results.path("ShipmentCharges"))) {
            Money total = firstMoney(reply, charges.path("TotalChargesWithTaxes"), charges.path("TotalCharges"));
            if (total != null) {
                return total;
            }
        }
        throw unreadable(reply, "no ShipmentCharges.TotalCharges", null);
    }

    // ------------------------------------------------------------------------------------------------ void

    /**
     * A {@code VoidShipmentResponse} → the void. UPS answers "1 = Voided or Already Voided" alike, so
     * {@code alreadyVoided} is true only when UPS's words say so (a package status or an error message
     * "already voided"); an error with those words is a success too, so a repeated cancel does not fail.
     */
    public VoidResult toVoidResult(String shipmentId, UpsReply reply) {
        if (!reply.successful()) {
            List<UpsError> errors = errors(reply.body());
            Optional<UpsError> alreadyVoided = errors.stream()
                    .filter(e -> e.message() != null && ALREADY_VOIDED.matcher(e.message()).find()).findFirst();
            if (alreadyVoided.isPresent() && reply.status() / 100 == 4) {
                return new VoidResult(shipmentId, true, List.of(new CarrierMessage(
                        alreadyVoided.get().codeOr("already_voided"), alreadyVoided.get().message(),
                        CarrierMessage.Severity.INFO)));
            }
            throw toError(reply);
        }
        JsonNode response = successBody(reply).path("VoidShipmentResponse");
        String status = UpsJson.text(response.path("SummaryResult").path("Status"), "Code");
        String description = UpsJson.text(response.path("SummaryResult").path("Status"), "Description");
        if (status == null) {
            throw unreadable(reply, "no SummaryResult.Status.Code", null);
        }
        if (!"1".equals(status)) {
            throw new CarrierException(CarrierErrorKind.INVALID_REQUEST, "UPS did not void " + shipmentId + ": "
                    + Optional.ofNullable(description).orElse("status " + status), null, null, description, null);
        }
        Messages messages = new Messages();
        messages.alerts(response.path("Response").path("Alert"));
        boolean alreadyVoided = description != null && ALREADY_VOIDED.matcher(description).find();
        for (JsonNode pkg : UpsJson.list(response.path("PackageLevelResults"))) {
            String packageStatus = UpsJson.text(pkg.path("Status"), "Description");
            if (packageStatus != null && packageStatus.toLowerCase(Locale.ROOT).contains("already")) {
                alreadyVoided = true;
            }
        }
        return new VoidResult(shipmentId, alreadyVoided, messages.list());
    }

    // -------------------------------------------------------------------------------------------- tracking

    /**
     * A {@code trackResponse} → the package's milestone and its events, oldest first (UPS lists the newest
     * first). Milestones follow {@link UpsStatus}, including its trap: type {@code D} is delivered only with
     * proof of delivery. A 404, or an answer without a package, is "UPS knows nothing yet": milestone
     * {@code UNKNOWN} with UPS's words as a warning, not a failure, so polling a fresh label goes on.
     *
     * @param inquiryNumber the tracking number asked for
     */
    public TrackingResult toTrackingResult(String inquiryNumber, UpsReply reply) {
        if (reply.status() == 404) {
            Messages messages = new Messages();
            for (UpsError error : errors(reply.body())) {
                messages.add(error.codeOr("not_found"), error.message(), CarrierMessage.Severity.WARNING);
            }
            if (messages.isEmpty()) {
                messages.add("not_found", "UPS has no tracking information for " + inquiryNumber,
                        CarrierMessage.Severity.WARNING);
            }
            return new TrackingResult(inquiryNumber, Milestone.UNKNOWN, List.of(), messages.list());
        }
        JsonNode trackResponse = successBody(reply).path("trackResponse");
        if (!trackResponse.isObject()) {
            throw unreadable(reply, "no trackResponse", null);
        }
        Messages messages = new Messages();
        JsonNode pkg = null;
        for (JsonNode shipment : UpsJson.list(trackResponse.path("shipment"))) {
            for (JsonNode warning : UpsJson.list(shipment.path("warnings"))) {
                messages.add(Optional.ofNullable(UpsJson.text(warning, "code")).orElse("warning"),
                        UpsJson.text(warning, "message"), CarrierMessage.Severity.WARNING);
            }
            for (JsonNode candidate : UpsJson.list(shipment.path("package"))) {
                if (pkg == null || inquiryNumber.equalsIgnoreCase(UpsJson.text(candidate, "trackingNumber"))) {
                    pkg = candidate;
                }
            }
        }
        if (pkg == null) {
            return new TrackingResult(inquiryNumber, Milestone.UNKNOWN, List.of(), messages.list());
        }
        String trackingNumber = Optional.ofNullable(UpsJson.text(pkg, "trackingNumber")).orElse(inquiryNumber);
        List<TrackingEvent> events = events(trackingNumber, pkg, messages);
        Milestone milestone;
        if (!events.isEmpty()) {
            milestone = events.get(events.size() - 1).milestone();
        } else {
            JsonNode current = pkg.path("currentStatus");
            String type = UpsJson.text(current, "type");
            String code = UpsJson.text(current, "code");
            noteUnmapped(type, code, messages);
            milestone = UpsStatus.milestone(type, code, deliveredProof(pkg), null);
        }
        return new TrackingResult(trackingNumber, milestone, events, messages.list());
    }

    private List<TrackingEvent> events(String trackingNumber, JsonNode pkg, Messages messages) {
        List<JsonNode> activities = new ArrayList<>(UpsJson.list(pkg.path("activity")));
        // UPS lists the newest activity first; the SPI wants the oldest first.
        Collections.reverse(activities);
        int deliveryIndex = deliveryActivity(activities, deliveredProof(pkg));
        List<TrackingEvent> events = new ArrayList<>();
        Milestone previous = null;
        for (int i = 0; i < activities.size(); i++) {
            JsonNode activity = activities.get(i);
            JsonNode status = activity.path("status");
            String type = UpsJson.text(status, "type");
            String code = UpsJson.text(status, "code");
            noteUnmapped(type, code, messages);
            Milestone milestone = UpsStatus.milestone(type, code, i == deliveryIndex, previous);
            previous = milestone;
            Instant occurredAt = occurredAt(activity);
            if (occurredAt == null) {
                messages.add("undated_activity", "an activity without a readable date was left out: "
                        + UpsJson.text(status, "description"), CarrierMessage.Severity.WARNING);
                continue;
            }
            String location = location(activity.path("location").path("address"));
            ProofOfDelivery proof = milestone == Milestone.DELIVERED ? proof(pkg, occurredAt, location) : null;
            String carrierStatus = Optional.ofNullable(type).orElse("") + "/" + Optional.ofNullable(code).orElse("");
            events.add(new TrackingEvent(eventId(trackingNumber, activity, type, code), trackingNumber, milestone,
                    carrierStatus, UpsJson.text(status, "description"), location, occurredAt, proof));
        }
        return events;
    }

    /**
     * The position of the activity that is the delivery: the last type {@code D} activity (that is not
     * out-for-delivery) when the package has proof of delivery, else the last activity with a delivered
     * code; -1 when there is none.
     */
    private static int deliveryActivity(List<JsonNode> chronological, boolean deliveredProof) {
        for (int i = chronological.size() - 1; i >= 0; i--) {
            JsonNode status = chronological.get(i).path("status");
            Optional<Milestone> byCode = UpsStatus.ofCode(UpsJson.text(status, "code"));
            if (byCode.isPresent()) {
                if (byCode.get() == Milestone.DELIVERED) {
                    return i;
                }
                continue;
            }
            if (deliveredProof && UpsStatus.DELIVERED_TYPE.equalsIgnoreCase(UpsJson.text(status, "type"))) {
                return i;
            }
        }
        return -1;
    }

    /** UPS's proof that the package was delivered: a delivery date or a delivery time of type {@code DEL}. */
    private static boolean deliveredProof(JsonNode pkg) {
        for (JsonNode date : UpsJson.list(pkg.path("deliveryDate"))) {
            if ("DEL".equalsIgnoreCase(UpsJson.text(date, "type"))) {
                return true;
            }
        }
        for (JsonNode time : UpsJson.list(pkg.path("deliveryTime"))) {
            if ("DEL".equalsIgnoreCase(UpsJson.text(time, "type"))) {
                return true;
            }
        }
        return false;
    }

    private static ProofOfDelivery proof(JsonNode pkg, Instant deliveredAt, String eventLocation) {
        JsonNode delivery = pkg.path("deliveryInformation");
        String place = UpsJson.text(delivery, "location");
        return new ProofOfDelivery(UpsJson.text(delivery, "receivedBy"), deliveredAt,
                place != null ? place : eventLocation, null);
    }

    /**
     * When an activity happened: {@code gmtDate}/{@code gmtTime} are UTC; without them {@code date}/
     * {@code time} are local time at {@code gmtOffset}, or read as UTC when UPS gives no offset either.
     */
    static Instant occurredAt(JsonNode activity) {
        try {
            LocalDate gmtDate = date(UpsJson.text(activity, "gmtDate"));
            LocalTime gmtTime = time(UpsJson.text(activity, "gmtTime"));
            if (gmtDate != null && gmtTime != null) {
                return LocalDateTime.of(gmtDate, gmtTime).toInstant(ZoneOffset.UTC);
            }
            LocalDate date = date(UpsJson.text(activity, "date"));
            if (date == null) {
                return null;
            }
            LocalTime time = Optional.ofNullable(time(UpsJson.text(activity, "time"))).orElse(LocalTime.MIDNIGHT);
            String offset = UpsJson.text(activity, "gmtOffset");
            ZoneOffset zone = offset == null ? ZoneOffset.UTC : ZoneOffset.of(offset);
            return LocalDateTime.of(date, time).toInstant(zone);
        } catch (DateTimeException unreadable) {
            return null;
        }
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text, DATE);
    }

    /** {@code HHmmss}; UPS drops the leading zero of early hours in {@code gmtTime} ({@code 74700}). */
    private static LocalTime time(String text) {
        if (text == null || !text.chars().allMatch(Character::isDigit) || text.length() > 6) {
            return null;
        }
        String padded = "0".repeat(6 - text.length()) + text;
        return LocalTime.parse(padded, TIME);
    }

    private static String location(JsonNode address) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("city", "stateProvince", "countryCode")) {
            String value = UpsJson.text(address, field);
            if (value != null) {
                parts.add(value);
            }
        }
        if (UpsJson.text(address, "countryCode") == null && UpsJson.text(address, "country") != null) {
            parts.add(UpsJson.text(address, "country"));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /**
     * UPS activities have no id; this one is stable across polls (tracking number, UTC or local time,
     * status), so repeated polls give the same id for the same activity.
     */
    private static String eventId(String trackingNumber, JsonNode activity, String type, String code) {
        String when = Optional.ofNullable(UpsJson.text(activity, "gmtDate")).orElse(UpsJson.text(activity, "date"))
                + "T" + Optional.ofNullable(UpsJson.text(activity, "gmtTime")).orElse(UpsJson.text(activity, "time"));
        return "ups:" + trackingNumber + ":" + when + ":" + Optional.ofNullable(type).orElse("")
                + Optional.ofNullable(code).map(c -> "-" + c).orElse("");
    }

    private static void noteUnmapped(String type, String code, Messages messages) {
        if ((type != null || code != null) && !UpsStatus.known(type, code)) {
            messages.add("unmapped_status", "UPS status type " + type + " code " + code + " has no canonical milestone",
                    CarrierMessage.Severity.INFO);
        }
    }

    // ------------------------------------------------------------------------------------------------ auth

    /** A token answer → the token and how long UPS says it lives ({@code expires_in} is a string). */
    public AccessToken toAccessToken(UpsReply reply) {
        if (!reply.successful()) {
            throw toTokenError(reply);
        }
        JsonNode body = body(reply);
        String token = UpsJson.text(body, "access_token");
        if (token == null) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, "UPS token answer lacks access_token");
        }
        Long seconds = null;
        String expiresIn = UpsJson.text(body, "expires_in");
        if (expiresIn != null) {
            try {
                seconds = new BigDecimal(expiresIn).longValue();
            } catch (NumberFormatException unreadable) {
                seconds = null;
            }
        }
        // Without a readable lifetime the token is used for one minute: safe, if chatty.
        return new AccessToken(token, Duration.ofSeconds(seconds == null || seconds <= 0 ? 60 : seconds));
    }

    /** The exception for a failed token request: bad credentials are the account's problem, never the shipment's. */
    public CarrierException toTokenError(UpsReply reply) {
        int status = reply.status();
        CarrierErrorKind kind;
        if (status == 429) {
            kind = CarrierErrorKind.RATE_LIMITED;
        } else if (status == 503) {
            kind = CarrierErrorKind.UNAVAILABLE;
        } else if (status >= 500 || status == 408 || status < 400) {
            kind = CarrierErrorKind.TRANSIENT;
        } else {
            kind = CarrierErrorKind.AUTH_FAILED;
        }
        return exception("UPS token endpoint", reply, kind, false);
    }

    // ---------------------------------------------------------------------------------------------- errors

    /** The exception for an API answer that is not a success. */
    public CarrierException toError(UpsReply reply) {
        return exception("UPS", reply, kindOf(reply.status()), true);
    }

    /** The exception for a request that got no answer at all. */
    public CarrierException toError(Throwable transportFailure) {
        Throwable cause = transportFailure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof CarrierException carrierException) {
            return carrierException;
        }
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                || cause instanceof UnresolvedAddressException || cause.getCause() instanceof ConnectException) {
            return new CarrierException(CarrierErrorKind.UNAVAILABLE, "UPS unreachable: " + describe(cause), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new CarrierException(CarrierErrorKind.TRANSIENT, "UPS did not answer in time", cause);
        }
        if (cause instanceof IOException) {
            return new CarrierException(CarrierErrorKind.TRANSIENT, "UPS connection failed: " + describe(cause), cause);
        }
        return new CarrierException(CarrierErrorKind.TRANSIENT, "UPS call failed: " + describe(cause), cause);
    }

    private CarrierException exception(String who, UpsReply reply, CarrierErrorKind kind, boolean guessField) {
        List<UpsError> errors = errors(reply.body());
        String carrierMessage = errors.isEmpty() ? null : errors.stream().map(UpsError::message)
                .filter(Objects::nonNull).collect(Collectors.joining("; "));
        if (carrierMessage != null && carrierMessage.isEmpty()) {
            carrierMessage = null;
        }
        String detail = errors.stream().map(UpsError::toString).collect(Collectors.joining("; "));
        String message = who + " answered " + reply.status() + (detail.isEmpty() ? "" : " " + detail);
        String field = guessField && kind == CarrierErrorKind.INVALID_REQUEST && !errors.isEmpty()
                ? UpsErrorFields.guess(errors.get(0).message()).orElse(null) : null;
        Duration retryAfter = RetryAfter.parse(reply.retryAfter(), clock.instant()).orElse(null);
        return new CarrierException(kind, message, retryAfter, field, carrierMessage, null);
    }

    private static CarrierErrorKind kindOf(int status) {
        if (status == 401 || status == 403) {
            return CarrierErrorKind.AUTH_FAILED;
        }
        if (status == 429) {
            return CarrierErrorKind.RATE_LIMITED;
        }
        if (status == 503) {
            return CarrierErrorKind.UNAVAILABLE;
        }
        if (status >= 500 || status == 408) {
            return CarrierErrorKind.TRANSIENT;
        }
        if (status >= 400) {
            return CarrierErrorKind.INVALID_REQUEST;
        }
        // A 1xx or 3xx where a result was expected: a proxy or redirect in the way, worth another try.
        return CarrierErrorKind.TRANSIENT;
    }

    /** The {@code errors} of a UPS error body ({@code response.errors}, or top-level {@code errors}). */
    static List<UpsError> errors(String body) {
        List<UpsError> errors = new ArrayList<>();
        JsonNode json;
        try {
            json = UpsJson.MAPPER.readTree(body);
        } catch (IOException | RuntimeException notJson) {
            // A gateway's HTML error page: the status alone decides.
            return errors;
        }
        if (json == null || !json.isObject()) {
            return errors;
        }
        JsonNode list = json.path("response").path("errors");
        if (list.isMissingNode()) {
            list = json.path("errors");
        }
        for (JsonNode error : UpsJson.list(list)) {
            if (error.isObject()) {
                errors.add(new UpsError(UpsJson.text(error, "code"), UpsJson.text(error, "message")));
            }
        }
        return errors;
    }

    // --------------------------------------------------------------------------------------------- helpers

    private JsonNode successBody(UpsReply reply) {
        if (!reply.successful()) {
            throw toError(reply);
        }
        return body(reply);
    }

    private static JsonNode body(UpsReply reply) {
        try {
            JsonNode body = UpsJson.MAPPER.readTree(reply.body());
            if (body == null || !body.isObject()) {
                throw unreadable(reply, "not a JSON object", null);
            }
            return body;
        } catch (IOException e) {
            throw unreadable(reply, "not JSON", e);
        }
    }

    private static CarrierException unreadable(UpsReply reply, String why, Throwable cause) {
        // A garbled success may hide a completed booking: the caller asks findBooking before booking again.
        return new CarrierException(CarrierErrorKind.TRANSIENT,
                "UPS answered " + reply.status() + " with an unreadable body (" + why + ")", cause);
    }

    private static Money charges(JsonNode rated, UpsReply reply) {
        Money negotiated = negotiated(rated.path("NegotiatedRateCharges"), reply);
        if (negotiated != null) {
            return negotiated;
        }
        Money published = firstMoney(reply, rated.path("TotalChargesWithTaxes"), rated.path("TotalCharges"));
        if (published == null) {
            throw unreadable(reply, "a RatedShipment without TotalCharges", null);
        }
        return published;
    }

    private static Money negotiated(JsonNode negotiated, UpsReply reply) {
        if (!negotiated.isObject()) {
            return null;
        }
        return firstMoney(reply, negotiated.path("TotalChargesWithTaxes"), negotiated.path("TotalCharge"));
    }

    private static Money firstMoney(UpsReply reply, JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            for (JsonNode charge : UpsJson.list(candidate)) {
                String amount = UpsJson.text(charge, "MonetaryValue");
                String currency = UpsJson.text(charge, "CurrencyCode");
                if (amount != null && currency != null) {
                    try {
                        return new Money(new BigDecimal(amount), currency.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException unreadable) {
                        throw unreadable(reply, "an unreadable amount " + amount + " " + currency, unreadable);
                    }
                }
            }
        }
        return null;
    }

    private static Integer integer(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** A token and how long it lives from the moment it was received. */
    public record AccessToken(String value, Duration expiresIn) {
        public AccessToken {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(expiresIn, "expiresIn");
        }

        /** Leaves the token out, so it cannot reach a log. */
        @Override
        public String toString() {
            return "AccessToken[value=***, expiresIn=" + expiresIn + "]";
        }
    }

    /** One entry of a UPS error body. */
    record UpsError(String code, String message) {
        String codeOr(String fallback) {
            return code != null ? code : fallback;
        }

        @Override
        public String toString() {
            return (code == null ? "" : code + ": ") + (message == null ? "" : message);
        }
    }

    /** Messages in order of arrival, each (code, text) once: UPS repeats alerts per rated service. */
    private static final class Messages {
        private final Set<CarrierMessage> messages = new LinkedHashSet<>();

        void alerts(JsonNode alerts) {
            for (JsonNode alert : UpsJson.list(alerts)) {
                String code = Optional.ofNullable(UpsJson.text(alert, "Code")).orElse("alert");
                add(code, UpsJson.text(alert, "Description"),
                        INVOICE_MAY_VARY.equals(code) ? CarrierMessage.Severity.INFO : CarrierMessage.Severity.WARNING);
            }
        }

        void add(String code, String text, CarrierMessage.Severity severity) {
            messages.add(new CarrierMessage(code, text, severity));
        }

        boolean isEmpty() {
            return messages.isEmpty();
        }

        List<CarrierMessage> list() {
            return new ArrayList<>(messages);
        }
    }
}
