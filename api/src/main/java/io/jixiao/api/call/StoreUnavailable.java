package io.jixiao.api.call;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure because the database cannot be reached — no connection within the pool's timeout, a refused or
 * broken connection — from every other failure, so that adapters answer it as a temporary condition (503 with
 * {@code Retry-After}, a SOAP fault {@code STORE_UNAVAILABLE}) and log one line, not a stack trace.
 *
 * @since 1.0.0
 */
public final class StoreUnavailable {
    /** Seconds a client should wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private StoreUnavailable() {
    }

    /**
     * @param failure what a call threw
     * @return the database's reason, when the failure is that the database cannot be reached; else {@code null}
     */
    public static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return firstLine(t);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                // SQL state class 08: connection exception; a batch's own message repeats its statement
                return firstLine(sql instanceof java.sql.BatchUpdateException && sql.getNextException() != null
                        ? sql.getNextException() : sql);
            }
        }
        return null;
    }

    /**
     * @param failure what a call threw
     * @return one line for a log: the database's reason when it cannot be reached, else the deepest cause's message
     *         (MyBatis repeats a failed statement in its own)
     */
    public static String describe(Throwable failure) {
        String unavailable = reason(failure);
        if (unavailable != null) {
            return "the database cannot be reached (" + unavailable + ")";
        }
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        return deepest.getClass().getSimpleName() + ": " + firstLine(deepest);
    }

    private static String firstLine(Throwable t) {
        String message = String.valueOf(t.getMessage()).strip();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }
}
