package dev.carrierhub.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what came back (Odoo's error object, an HTTP status, a transport failure) into the typed exception.
 * Dispatch is on Odoo's exception name first, as the README of the recordings advises; the HTTP status only
 * decides for answers that carry no Odoo error (proxies, Werkzeug's own 400, JSON-2 statuses of unknown names).
 */
final class OdooErrorMapper {
    private static final Set<String> ACCESS = Set.of(
            "odoo.exceptions.AccessDenied",
            "odoo.exceptions.AccessError",
            "odoo.http.SessionExpiredException",
            "werkzeug.exceptions.Unauthorized",
            "werkzeug.exceptions.Forbidden");
    private static final Set<String> MISSING = Set.of("odoo.exceptions.MissingError");
    private static final Set<String> VALIDATION = Set.of(
            "odoo.exceptions.UserError",
            "odoo.exceptions.ValidationError",
            "odoo.exceptions.RedirectWarning",
            "builtins.ValueError",
            "builtins.TypeError",
            // an unknown method over JSON-RPC; JSON-2 answers the same mistake with 404 NotFound
            "builtins.AttributeError",
            "werkzeug.exceptions.NotFound",
            "werkzeug.exceptions.UnprocessableEntity",
            "psycopg2.IntegrityError",
            "psycopg2.errors.IntegrityError");
    // Odoo retries these itself (5 times) before giving up; the transaction was rolled back.
    private static final Set<String> CONCURRENCY = Set.of(
            "odoo.exceptions.ConcurrencyError",
            "odoo.exceptions.LockError",
            "psycopg2.errors.SerializationFailure",
            "psycopg2.errors.DeadlockDetected",
            "psycopg2.errors.LockNotAvailable",
            "psycopg2.errors.TransactionRollbackError",
            "psycopg2.extensions.TransactionRollbackError",
            "werkzeug.exceptions.Conflict");
    private static final Pattern CONCURRENCY_MESSAGE = Pattern.compile(
            "could not serialize access|deadlock detected|could not obtain lock", Pattern.CASE_INSENSITIVE);
    // Odoo could not use its database: nothing ran.
    private static final Set<String> DATABASE_UNAVAILABLE = Set.of(
            "psycopg2.OperationalError",
            "psycopg2.errors.OperationalError",
            "psycopg2.InterfaceError",
            "psycopg2.errors.AdminShutdown",
            "psycopg2.errors.CannotConnectNow",
            "psycopg2.errors.TooManyConnections");
    private static final Set<String> OVERLOADED = Set.of(
            "werkzeug.exceptions.TooManyRequests",
            "werkzeug.exceptions.ServiceUnavailable");
    private static final Pattern UNKNOWN_DATABASE = Pattern.compile("database \"[^\"]*\" does not exist");

    private OdooErrorMapper() {
    }

    /**
     * Odoo's error object: JSON-RPC's {@code error.data}, or the JSON-2 error body; both have {@code name,
     * message, arguments, debug}.
     */
    static OdooException fromOdoo(String operation, JsonNode data, HttpReply reply, Clock clock) {
        String name = data.path("name").isTextual() ? data.path("name").asText() : null;
        String message = data.path("message").asText("");
        List<String> arguments = new ArrayList<>();
        data.path("arguments").forEach(arg -> arguments.add(arg.isValueNode() ? arg.asText() : arg.toString()));
        String debug = data.path("debug").isTextual() ? data.path("debug").asText() : null;
        OdooError error = new OdooError(operation, name, message, arguments, debug, reply.status());
        return classify(error, retryAfter(reply.retryAfter(), clock));
    }

    static OdooException classify(OdooError error, Duration retryAfter) {
        String name = error.name() == null ? "" : error.name();
        if (UNKNOWN_DATABASE.matcher(error.message()).find()) {
            return new OdooConfigurationException(error);
        }
        if (ACCESS.contains(name)) {
            return new OdooAccessException(error);
        }
        if (MISSING.contains(name)) {
            return new OdooMissingRecordException(error);
        }
        if (CONCURRENCY.contains(name) || name.startsWith("psycopg2") && CONCURRENCY_MESSAGE.matcher(error.message()).find()) {
            return new OdooConcurrencyException(error);
        }
        if (DATABASE_UNAVAILABLE.contains(name)) {
            return new OdooTransientException(error, false, retryAfter, null);
        }
        if (VALIDATION.contains(name) || name.startsWith("psycopg2.errors.") && name.endsWith("Violation")) {
            return new OdooValidationException(error);
        }
        if (OVERLOADED.contains(name)) {
            return new OdooTransientException(error, false, retryAfter, null);
        }
        if (name.equals("werkzeug.exceptions.BadRequest")) {
            return new OdooProtocolException(error);
        }
        // A name this table does not know (an addon's own exception): JSON-2's status still tells its family.
        return switch (error.httpStatus()) {
            case 401, 403 -> new OdooAccessException(error);
            case 404 -> new OdooMissingRecordException(error);
            case 409 -> new OdooConcurrencyException(error);
            case 422 -> new OdooValidationException(error);
            case 429, 503 -> new OdooTransientException(error, false, retryAfter, null);
            default -> new OdooServerException(error);
        };
    }

    /** An HTTP answer without an Odoo error object: a proxy, Werkzeug itself, or no Odoo at all. */
    static OdooException fromStatus(String operation, HttpReply reply, Clock clock) {
        int status = reply.status();
        String snippet = reply.snippet();
        OdooError error = OdooError.of(operation, "HTTP " + status + (snippet.isEmpty() ? "" : ": " + snippet), status);
        Duration retryAfter = retryAfter(reply.retryAfter(), clock);
        if (status >= 200 && status < 300) {
            return new OdooProtocolException(OdooError.of(operation,
                    "not a JSON answer (" + reply.contentType() + "): " + snippet, status));
        }
        return switch (status) {
            case 401, 403 -> new OdooAccessException(error);
            case 404, 405 -> new OdooConfigurationException(OdooError.of(operation,
                    "no Odoo API here (HTTP " + status + "): check the URL, and that JSON-2 needs Odoo 19 or later", status));
            case 408, 429, 503 -> new OdooTransientException(error, false, retryAfter, null);
            case 409 -> new OdooConcurrencyException(error);
            default -> status >= 500
                    ? new OdooTransientException(error, true, retryAfter, null)
                    : new OdooProtocolException(error);
        };
    }

    /** A failure before any HTTP answer arrived. */
    static OdooException fromTransport(String operation, Throwable failure, Duration timeout) {
        if (failure instanceof OdooException odoo) {
            return odoo;
        }
        String detail = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        if (failure instanceof TimeoutException) {
            return new OdooTimeoutException(OdooError.of(operation, "no answer within " + timeout.toMillis() + " ms", 0),
                    failure);
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
            // Nothing was sent.
            return new OdooTransientException(OdooError.of(operation, "cannot connect: " + detail, 0), false, null, failure);
        }
        if (failure instanceof SSLException) {
            return new OdooConfigurationException(OdooError.of(operation, "TLS failure: " + detail, 0), failure);
        }
        // Reset or closed while the exchange was under way: Odoo may have run the call.
        return new OdooTransientException(OdooError.of(operation, "connection failed: " + detail, 0), true, null, failure);
    }

    /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
