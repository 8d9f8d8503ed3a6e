package dev.carrierhub.intake.writeback;

import dev.carrierhub.intake.client.LabelFetchException;
import dev.carrierhub.intake.client.TenantOdoo;
import dev.carrierhub.odoo.client.OdooConcurrencyException;
import dev.carrierhub.odoo.client.OdooException;
import dev.carrierhub.odoo.client.OdooProtocolException;
import dev.carrierhub.odoo.client.OdooTransientException;
import java.time.Duration;
import java.util.Optional;

/**
 * Why an attempt failed, sorted for the worker: try again later ({@link #retryable()}) or stop and let a
 * person look (FAILED); and whether Odoo may have applied the call anyway ({@link #outcomeUnknown()}), in
 * which case the next attempt checks Odoo before it repeats the call.
 *
 * @param retryAfter how long Odoo asked to wait (Retry-After, or the time an open circuit stays open)
 */
public record WriteFailure(boolean retryable, boolean outcomeUnknown, Duration retryAfter, String message) {

    public static WriteFailure classify(Throwable failure) {
        Optional<OdooException> odoo = OdooException.find(failure);
        if (odoo.isPresent()) {
            return odoo(odoo.get());
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LabelFetchException label) {
                return new WriteFailure(label.transientFailure(), false, null, label.getMessage());
            }
            if (t instanceof WriteBackRejected || t instanceof TenantOdoo.UnknownTenantException) {
                return new WriteFailure(false, false, null, t.getMessage());
            }
            if (t instanceof io.smallrye.mutiny.TimeoutException) {
                return new WriteFailure(true, true, null, "no answer in time");
            }
        }
        // A bug or a shape nobody expected: a person must look, and a replay checks Odoo first.
        return new WriteFailure(false, true, null, String.valueOf(failure));
    }

    private static WriteFailure odoo(OdooException e) {
        if (e instanceof OdooTransientException transientFailure) {
            return new WriteFailure(true, transientFailure.mayHaveExecuted(), transientFailure.retryAfter().orElse(null),
                    e.getMessage());
        }
        if (e instanceof OdooConcurrencyException) {
            // Odoo rolled the call back after its own retries: nothing was applied.
            return new WriteFailure(true, false, null, e.getMessage());
        }
        // An answer that is not what Odoo sends (a proxy page, an unexpected result) does not prove that
        // nothing was applied; an Odoo error verdict (validation, missing record, access) does.
        return new WriteFailure(false, e instanceof OdooProtocolException, null, e.getMessage());
    }

    /** The stored error text: Odoo's message, bounded so a traceback never fills the row. */
    public String storedMessage() {
        String text = message == null ? "unknown failure" : message.strip();
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
