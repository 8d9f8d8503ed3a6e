package dev.carrierhub.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record as {@code read} / {@code search_read} return it, with accessors that know Odoo's conventions:
 * every empty value is {@code false} (never null or ""), a many2one is an {@code [id, display_name]} pair,
 * x2many fields are lists of ids, datetimes are naive UTC strings {@code "YYYY-MM-DD HH:MM:SS"}, floats are
 * Python reprs (kept exact here: {@code 4.970000000000001} stays that, round per field).
 */
public final class OdooRecord {
    private final ObjectNode values;

    public OdooRecord(ObjectNode values) {
        this.values = Objects.requireNonNull(values, "values").deepCopy();
    }

    /** The record's id (Odoo always returns it). */
    public long id() {
        return values.path("id").asLong();
    }

    /** Whether the answer has this field at all (it has only the fields that were asked for). */
    public boolean has(String field) {
        return values.has(field);
    }

    /** The raw value, a copy; a {@code MissingNode} when the field was not read. */
    public JsonNode raw(String field) {
        return values.path(field).deepCopy();
    }

    /** All values, a copy. */
    public ObjectNode raw() {
        return values.deepCopy();
    }

    /** A char, text, html or selection value; empty for {@code false} (Odoo's empty value). */
    public Optional<String> text(String field) {
        JsonNode value = values.get(field);
        return isEmpty(value) ? Optional.empty() : Optional.of(value.asText());
    }

    /** A boolean field; {@code false} also when the field is absent. */
    public boolean bool(String field) {
        return values.path(field).asBoolean(false);
    }

    /** An integer value (or a many2one's id as {@code read(load=None)} and webhooks send it). */
    public Optional<Long> integer(String field) {
        JsonNode value = values.get(field);
        return value != null && value.isNumber() ? Optional.of(value.longValue()) : Optional.empty();
    }

    /** A float or monetary value, exactly as Odoo sent it; empty for {@code false}. */
    public Optional<BigDecimal> decimal(String field) {
        JsonNode value = values.get(field);
        return value != null && value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
    }

    /**
     * A many2one: {@code [13, "Bluebird Outdoor Supply, Dana Whitfield"]} from {@code read}, or a bare id
     * (webhooks, {@code load=None}) whose display name is then null; empty for {@code false}.
     */
    public Optional<Many2one> many2one(String field) {
        JsonNode value = values.get(field);
        if (value != null && value.isArray() && !value.isEmpty() && value.get(0).isNumber()) {
            JsonNode name = value.get(1);
            return Optional.of(new Many2one(value.get(0).longValue(), isEmpty(name) ? null : name.asText()));
        }
        if (value != null && value.isIntegralNumber()) {
            return Optional.of(new Many2one(value.longValue(), null));
        }
        return Optional.empty();
    }

    /** A one2many or many2many: the ids, empty for {@code []} or {@code false}. */
    public List<Long> ids(String field) {
        JsonNode value = values.get(field);
        List<Long> ids = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(id -> ids.add(id.longValue()));
        }
        return List.copyOf(ids);
    }

    /** A datetime field (naive UTC in Odoo) as an instant; empty for {@code false}. */
    public Optional<Instant> dateTime(String field) {
        return text(field).map(OdooDateTimes::parse);
    }

    /** A date field; empty for {@code false}. */
    public Optional<LocalDate> date(String field) {
        return text(field).map(LocalDate::parse);
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || value.isBoolean() && !value.booleanValue();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OdooRecord record && values.equals(record.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        // Records hold names and addresses: keep them out of logs by default.
        return "OdooRecord[id=" + id() + ", fields=" + values.size() + "]";
    }

    /** A many2one value: the target id and, from {@code read}, its display name (null otherwise). */
    public record Many2one(long id, String displayName) {
    }
}
