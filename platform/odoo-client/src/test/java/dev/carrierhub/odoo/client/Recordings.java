package dev.carrierhub.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.carrierhub.odoo.recordings.OdooRecording;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the recordings of platform/odoo-recordings, including the raw-HTTP steps OdooRecording skips over. */
final class Recordings {
    static final Map<String, Class<? extends OdooException>> ERRORS_JSON_EXPECTED = Map.of(
            "write to a field that does not exist", OdooValidationException.class,
            "execute_kw with a wrong password", OdooAccessException.class,
            "write to the deleted id", OdooMissingRecordException.class,
            "read with an unknown field name", OdooValidationException.class,
            "write a wrongly typed value", OdooValidationException.class,
            "call a private method", OdooAccessException.class,
            "call a method that does not exist", OdooValidationException.class,
            "unknown model", OdooValidationException.class,
            "business rule violation (UserError): delete a done delivery", OdooValidationException.class,
            "unknown database name", OdooConfigurationException.class);

    private Recordings() {
    }

    /** The execute_kw exchanges whose answer is Odoo's error envelope. */
    static List<OdooRecording.Exchange> errorEnvelopes(String name) {
        return OdooRecording.load(name).exchanges().stream()
                .filter(exchange -> exchange.model() != null && exchange.response().has("error"))
                .toList();
    }

    static OdooRecording.Exchange step(String name, String step) {
        return OdooRecording.load(name).exchanges().stream().filter(e -> e.step().equals(step)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + step + " in " + name));
    }

    /** The whole recording file, for the steps recorded as raw HTTP ({@code response_raw}). */
    static JsonNode file(String name) {
        try (InputStream in = OdooRecording.class.getResourceAsStream("/odoo-recordings/" + name)) {
            return OdooWire.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode rawStep(String name, String step) {
        for (JsonNode s : file(name).path("steps")) {
            if (s.path("step").asText().equals(step)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no step " + step + " in " + name);
    }

    /** execute_kw's positional args ({@code args[5]}) as plain Java values. */
    static List<Object> positional(OdooRecording.Exchange exchange) {
        return OdooWire.JSON.convertValue(exchange.positionalArgs(),
                TypeFactory.defaultInstance().constructCollectionType(List.class, Object.class));
    }

    /** execute_kw's keyword args ({@code args[6]}) as plain Java values. */
    static Map<String, Object> keywords(OdooRecording.Exchange exchange) {
        return OdooWire.JSON.convertValue(exchange.request().path("params").path("args").path(6),
                TypeFactory.defaultInstance().constructMapType(Map.class, String.class, Object.class));
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
