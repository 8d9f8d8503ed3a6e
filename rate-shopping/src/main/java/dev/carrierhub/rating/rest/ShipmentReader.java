package dev.carrierhub.rating.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.contracts.shipment.Shipment;
import dev.carrierhub.core.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

/**
 * Reads a canonical shipment from a request body with the contract mapping; anything that is not one
 * becomes a 400 problem that says what is wrong.
 */
final class ShipmentReader {

    Shipment read(String body) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-shipment", "The body must be a canonical shipment.");
        }
        Shipment shipment;
        try {
            shipment = Json.mapper().readValue(body, Shipment.class);
        } catch (ValueInstantiationException e) {
            // A record constructor refused a value (a missing field, no parcel): say which rule broke.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ProblemException(Status.BAD_REQUEST, "invalid-shipment",
                    "Not a valid shipment: " + cause.getMessage());
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            throw new ProblemException(Status.BAD_REQUEST, "malformed-json", "The body is not JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-shipment", "Not a valid shipment: " + e.getOriginalMessage());
        }
        if (shipment == null) {
            throw new ProblemException(Status.BAD_REQUEST, "invalid-shipment", "The body must be a canonical shipment.");
        }
        return shipment;
    }
}
