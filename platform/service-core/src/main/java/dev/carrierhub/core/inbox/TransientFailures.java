package dev.carrierhub.core.inbox;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that passes by itself (the database restarting, a connection dropped, a deadlock) from one the
 * same event would meet again. Only the first kind is worth trying again in place; the second belongs in the
 * dead-letter topic.
 */
public final class TransientFailures {

    /** How deep to follow causes: Hibernate, Mutiny and Vert.x wrap a driver failure a few times, never dozens. */
    private static final int MAX_DEPTH = 16;

    /**
     * SQLSTATEs of a server that is going away or coming back, or of a conflict that a second try resolves:
     * admin shutdown, crash shutdown, cannot connect now (starting up), serialization failure, deadlock.
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");

    /** SQLSTATE classes that are transient as a whole: connection exception, insufficient resources. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (cause instanceof PoisonEventException) {
                return false;
            }
            // Network failures only, not every IOException: Jackson's parse errors are IOExceptions too.
            if (cause instanceof SocketException || cause instanceof ClosedChannelException
                    || cause instanceof InterruptedIOException || cause instanceof ClosedConnectionException
                    || cause instanceof TransientRetry.AttemptTimedOutException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || isTransientState(sqlState(cause))) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private static String sqlState(Throwable failure) {
        if (failure instanceof DatabaseException database) {
            return database.getSqlState();
        }
        if (failure instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    private static boolean isTransientState(String state) {
        return state != null && state.length() == 5
                && (TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2)));
    }
}
