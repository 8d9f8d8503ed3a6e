package dev.carrierhub.odoo.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classification table, for names and statuses the recordings do not cover. */
class OdooErrorMapperTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T20:00:00Z"), ZoneOffset.UTC);

    private static OdooException named(String name, String message, int status) {
        return OdooErrorMapper.classify(new OdooError("stock.picking.write", name, message, List.of(message), null, status),
                null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "odoo.exceptions.ConcurrencyError; x; OdooConcurrencyException",
            "odoo.exceptions.LockError; Cannot lock records; OdooConcurrencyException",
            "psycopg2.errors.SerializationFailure; could not serialize access due to concurrent update; OdooConcurrencyException",
            "psycopg2.errors.DeadlockDetected; deadlock detected; OdooConcurrencyException",
            "psycopg2.extensions.TransactionRollbackError; could not serialize access; OdooConcurrencyException",
            "psycopg2.errors.InternalError; could not serialize access due to read/write dependencies; OdooConcurrencyException",
            "psycopg2.OperationalError; connection to server at \"db\" failed: Connection refused; OdooTransientException",
            "psycopg2.OperationalError; FATAL:  database \"acme\" does not exist; OdooConfigurationException",
            "psycopg2.errors.UniqueViolation; duplicate key value violates unique constraint; OdooValidationException",
            "psycopg2.errors.NotNullViolation; null value in column; OdooValidationException",
            "odoo.exceptions.RedirectWarning; configure a journal; OdooValidationException",
            "odoo.http.SessionExpiredException; Session expired; OdooAccessException",
            "werkzeug.exceptions.BadRequest; could not parse the body as json; OdooProtocolException",
            "builtins.KeyError; 'x'; OdooServerException",
            "builtins.RecursionError; maximum recursion depth exceeded; OdooServerException"})
    void namesOverJsonRpc(String name, String message, String type) {
        assertThat(named(name, message, 200).getClass().getSimpleName()).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({
            "401, OdooAccessException", "403, OdooAccessException", "404, OdooMissingRecordException",
            "409, OdooConcurrencyException", "422, OdooValidationException", "429, OdooTransientException",
            "503, OdooTransientException", "500, OdooServerException"})
    void anAddonsOwnExceptionOverJson2FallsBackOnItsStatus(int status, String type) {
        assertThat(named("odoo.addons.acme.models.ShippingRuleError", "nope", status).getClass().getSimpleName())
                .isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource({
            "400, OdooProtocolException, false", "401, OdooAccessException, false",
            "404, OdooConfigurationException, false", "408, OdooTransientException, false",
            "429, OdooTransientException, false", "500, OdooTransientException, true",
            "502, OdooTransientException, true", "503, OdooTransientException, false",
            "504, OdooTransientException, true", "200, OdooProtocolException, false"})
    void statusesWithoutAnOdooBody(int status, String type, boolean mayHaveExecuted) {
        OdooException failure = OdooErrorMapper.fromStatus("stock.picking.read",
                new HttpReply(status, "text/html", "<h1>x</h1>".getBytes(StandardCharsets.UTF_8), null), CLOCK);

        assertThat(failure.getClass().getSimpleName()).isEqualTo(type);
        if (failure instanceof OdooTransientException transient_) {
            assertThat(transient_.mayHaveExecuted()).isEqualTo(mayHaveExecuted);
        }
        assertThat(failure.error().httpStatus()).isEqualTo(status);
    }

    @Test
    void transportFailures() {
        Duration timeout = Duration.ofSeconds(2);

        assertThat(OdooErrorMapper.fromTransport("op", new TimeoutException("idle"), timeout))
                .isInstanceOf(OdooTimeoutException.class).hasMessageContaining("2000 ms");
        assertThat(OdooErrorMapper.fromTransport("op", new ConnectException("refused"), timeout))
                .isInstanceOfSatisfying(OdooTransientException.class, e -> assertThat(e.mayHaveExecuted()).isFalse());
        assertThat(OdooErrorMapper.fromTransport("op", new UnknownHostException("odoo"), timeout))
                .isInstanceOfSatisfying(OdooTransientException.class, e -> assertThat(e.mayHaveExecuted()).isFalse());
        assertThat(OdooErrorMapper.fromTransport("op", new IOException("Connection reset by peer"), timeout))
                .isInstanceOfSatisfying(OdooTransientException.class, e -> assertThat(e.mayHaveExecuted()).isTrue());
        assertThat(OdooErrorMapper.fromTransport("op", new SSLHandshakeException("PKIX path"), timeout))
                .isInstanceOf(OdooConfigurationException.class);
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertThat(OdooErrorMapper.retryAfter("7", CLOCK)).isEqualTo(Duration.ofSeconds(7));
        assertThat(OdooErrorMapper.retryAfter("Thu, 26 Nov 2026 20:01:00 GMT", CLOCK)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OdooErrorMapper.retryAfter("Thu, 26 Nov 2026 19:00:00 GMT", CLOCK)).isEqualTo(Duration.ZERO);
        assertThat(OdooErrorMapper.retryAfter("soon", CLOCK)).isNull();
        assertThat(OdooErrorMapper.retryAfter(null, CLOCK)).isNull();
    }

    @Test
    void findUnwrapsWrappedFailures() {
        OdooValidationException cause = new OdooValidationException(OdooError.of("op", "bad", 200));

        assertThat(OdooException.find(new java.util.concurrent.CompletionException(cause))).containsSame(cause);
        assertThat(OdooException.find(new IllegalStateException("other"))).isEmpty();
    }
}
