package dev.carrierhub.label.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.carrierhub.contracts.Json;

/** The contract's JSON for the shipment and quote a booking keeps. */
final class BookingJson {
    private BookingJson() {
    }

    static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contract record always serialises", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " no longer reads", e);
        }
    }
}
