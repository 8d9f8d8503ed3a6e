package dev.carrierhub.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aRefusedOrLostConnectionPasses() {
        assertThat(TransientFailures.isTransient(new ConnectException("Connection refused"))).isTrue();
        assertThat(TransientFailures.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingUpPasses() {
        assertThat(TransientFailures.isTransient(pg("57P01", "terminating connection due to administrator command")))
                .isTrue();
        assertThat(TransientFailures.isTransient(pg("57P03", "the database system is starting up"))).isTrue();
        assertThat(TransientFailures.isTransient(pg("08006", "connection failure"))).isTrue();
        assertThat(TransientFailures.isTransient(pg("40P01", "deadlock detected"))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("gone", "08003"))).isTrue();
    }

    @Test
    void isFoundUnderTheWrappersOfHibernateAndMutiny() {
        Throwable wrapped = new CompletionException(new IllegalStateException("HR000001: could not execute",
                pg("57P01", "terminating connection due to administrator command")));
        assertThat(TransientFailures.isTransient(wrapped)).isTrue();
    }

    @Test
    void whatTheSameEventMeetsAgainDoesNotPass() {
        assertThat(TransientFailures.isTransient(pg("23505", "duplicate key value violates unique constraint")))
                .isFalse();
        assertThat(TransientFailures.isTransient(pg("42P01", "relation does not exist"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("no such carrier"))).isFalse();
        assertThat(TransientFailures.isTransient(new JsonParseException(null, "Unexpected character"))).isFalse();
    }

    @Test
    void aPoisonEventNeverPassesWhateverItWraps() {
        assertThat(TransientFailures.isTransient(new PoisonEventException("not a CloudEvent",
                new ConnectException("Connection refused")))).isFalse();
    }

    @Test
    void aCauseLoopEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(TransientFailures.isTransient(first)).isFalse();
    }

    private static PgException pg(String sqlState, String message) {
        return new PgException(message, "FATAL", sqlState, null);
    }
}
