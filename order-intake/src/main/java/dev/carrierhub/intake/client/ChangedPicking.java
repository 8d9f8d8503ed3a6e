package dev.carrierhub.intake.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A picking the sweep found in Odoo: its id, name, state and last change, and the row as Odoo returned it. */
public record ChangedPicking(long pickingId, String name, String state, Instant writeDate, JsonNode row) {
}
