package dev.carrierhub.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/** One protocol's way of sending a call; no retries here, failures are already typed {@link OdooException}s. */
interface OdooTransport {

    /** The method's return value; empty when it returned None. */
    Uni<Optional<JsonNode>> execute(OdooCall call);

    Uni<Long> authenticate();

    Uni<OdooVersion> version();
}
