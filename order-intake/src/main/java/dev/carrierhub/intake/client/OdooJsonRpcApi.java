package dev.carrierhub.intake.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Odoo's JSON-RPC endpoint (Odoo 17 and 18). Errors come back as HTTP 200 with an {@code error} member. */
@Path("/jsonrpc")
interface OdooJsonRpcApi {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> call(JsonNode request);
}
