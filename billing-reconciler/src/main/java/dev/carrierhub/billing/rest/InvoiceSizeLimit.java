package dev.carrierhub.billing.rest;

import dev.carrierhub.core.http.ContentLengthLimit;
import dev.carrierhub.core.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses an upload larger than the HTTP limit from its Content-Length, before a byte of it is read, with
 * problem+json pointing to the drop folder instead of Quarkus' bare 413 (see {@link ContentLengthLimit}).
 */
@ApplicationScoped
public class InvoiceSizeLimit {
    private final long maxBytes;

    public InvoiceSizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        new ContentLengthLimit("/invoices/", maxBytes, Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "invoice-too-large",
                "An uploaded invoice may have at most " + maxBytes + " bytes; drop larger files into the drop folder."))
                .install(router);
    }
}
