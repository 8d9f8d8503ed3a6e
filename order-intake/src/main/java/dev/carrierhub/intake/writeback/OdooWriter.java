package dev.carrierhub.intake.writeback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.carrierhub.contracts.Json;
import dev.carrierhub.intake.client.LabelFetcher;
import dev.carrierhub.intake.client.TenantOdoo;
import dev.carrierhub.odoo.client.OdooClient;
import dev.carrierhub.odoo.client.OdooRecord;
import dev.carrierhub.odoo.client.OdooResults;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes one planned write in the tenant's Odoo, per kind (see {@link WriteBackKind} for why each is safe
 * to repeat): when the claim says a previous attempt may have landed, Odoo is checked first and a write
 * found there is not made again.
 */
@ApplicationScoped
public class OdooWriter {
    /** Odoo's "Exception" activity type; archived in a fresh database, so it is looked up by its xmlid. */
    static final String EXCEPTION_TYPE_MODULE = "mail";
    static final String EXCEPTION_TYPE_NAME = "mail_activity_data_warning";
    /** How far before planning a note or activity found in Odoo may date (clock skew between the hosts). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final DateTimeFormatter ODOO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ObjectMapper JSON = Json.mapper();

    private final TenantOdoo odoo;
    private final LabelFetcher labels;
    private final ActivityOwners owners;
    private final Map<String, Long> exceptionTypes = new ConcurrentHashMap<>();

    public OdooWriter(TenantOdoo odoo, LabelFetcher labels, ActivityOwners owners) {
        this.odoo = odoo;
        this.labels = labels;
        this.owners = owners;
    }

    /** Makes the write (or finds it made); fails with what the worker sorts by {@link WriteFailure}. */
    public Uni<Sent> send(Claim claim) {
        return Uni.createFrom().deferred(() -> {
            WriteBackKind kind = WriteBackKind.of(claim.kind())
                    .orElseThrow(() -> new WriteBackRejected("unknown write-back kind " + claim.kind()));
            JsonNode payload = payload(claim);
            OdooClient client = odoo.client(claim.tenant());
            return switch (kind) {
                case TRACKING_REFERENCE -> trackingReference(client, claim, payload);
                case LABEL_ATTACHMENT -> labelAttachment(client, claim, payload);
                case LABEL_NOTE, TRACKING_NOTE -> note(client, claim, payload);
                case EXCEPTION_ACTIVITY, FINANCE_ACTIVITY -> activity(client, claim, payload, kind);
            };
        });
    }

    private Uni<Sent> trackingReference(OdooClient client, Claim claim, JsonNode payload) {
        Map<String, Object> values = map(payload.path("values"));
        if (values.isEmpty()) {
            throw new WriteBackRejected("no values to write");
        }
        Uni<Boolean> alreadyThere = !claim.verify() ? Uni.createFrom().item(false)
                : client.read("stock.picking", List.of(claim.pickingId()), List.copyOf(values.keySet()))
                        .map(records -> !records.isEmpty() && holds(records.get(0), payload.path("values")));
        return alreadyThere.chain(there -> there ? Uni.createFrom().item(Sent.found(null))
                : client.write("stock.picking", List.of(claim.pickingId()), values).replaceWith(Sent.made(null)));
    }

    private Uni<Sent> labelAttachment(OdooClient client, Claim claim, JsonNode payload) {
        String name = required(payload, "name");
        String resModel = payload.path("res_model").asText("stock.picking");
        long resId = payload.path("res_id").asLong(claim.pickingId());
        Uni<Optional<Long>> existing = !claim.verify() ? Uni.createFrom().item(Optional.empty())
                : client.searchRead("ir.attachment", List.of(List.of("res_model", "=", resModel),
                                List.of("res_id", "=", resId), List.of("name", "=", name)),
                                List.of("name", "res_model", "res_id"), 0, 0, "id")
                        .map(found -> found.stream()
                                .filter(a -> name.equals(a.text("name").orElse(null))
                                        && resModel.equals(a.text("res_model").orElse(resModel))
                                        && a.integer("res_id").orElse(resId) == resId)
                                .map(OdooRecord::id).findFirst());
        return existing.chain(found -> found.isPresent() ? Uni.createFrom().item(Sent.found(found.get()))
                : labels.fetch(required(payload, "label_url"), payload.path("sha256").asText(null))
                        .chain(bytes -> {
                            Map<String, Object> values = new LinkedHashMap<>();
                            values.put("name", name);
                            values.put("type", "binary");
                            values.put("datas", Base64.getEncoder().encodeToString(bytes));
                            values.put("mimetype", payload.path("mimetype").asText(mimetype(name)));
                            values.put("res_model", resModel);
                            values.put("res_id", resId);
                            return client.create("ir.attachment", values);
                        })
                        .map(Sent::made));
    }

    private Uni<Sent> note(OdooClient client, Claim claim, JsonNode payload) {
        String body = required(payload, "body");
        List<Long> attachments = claim.attachmentIds();
        Uni<Optional<Long>> existing = !claim.verify() ? Uni.createFrom().item(Optional.empty())
                : client.searchRead("mail.message", List.of(List.of("model", "=", "stock.picking"),
                                List.of("res_id", "=", claim.pickingId()), List.of("message_type", "=", "comment"),
                                List.of("date", ">=", odooDateTime(claim.plannedAt().minus(CLOCK_SKEW)))),
                                List.of("body", "attachment_ids"), 0, 0, "id")
                        .map(messages -> messages.stream()
                                .filter(m -> attachments.isEmpty()
                                        ? OdooText.plain(m.text("body").orElse("")).equals(OdooText.normalize(body))
                                        : m.ids("attachment_ids").containsAll(attachments))
                                .map(OdooRecord::id).findFirst());
        return existing.chain(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(Sent.found(found.get()));
            }
            Map<String, Object> kwargs = new LinkedHashMap<>();
            kwargs.put("body", body);
            kwargs.put("message_type", payload.path("message_type").asText("comment"));
            kwargs.put("subtype_xmlid", payload.path("subtype_xmlid").asText("mail.mt_note"));
            if (!attachments.isEmpty()) {
                kwargs.put("attachment_ids", attachments);
            }
            return client.call("stock.picking", "message_post", List.of(List.of(claim.pickingId())), kwargs)
                    .map(result -> Sent.made(firstId(result)));
        });
    }

    private Uni<Sent> activity(OdooClient client, Claim claim, JsonNode payload, WriteBackKind kind) {
        String summary = required(payload, "summary");
        OwnerKind owner = OwnerKind.of(payload.path("owner").asText(""))
                .orElse(kind == WriteBackKind.FINANCE_ACTIVITY ? OwnerKind.FINANCE : OwnerKind.WAREHOUSE);
        Instant raisedAt = payload.hasNonNull("raised_at") ? Instant.parse(payload.get("raised_at").asText())
                : claim.plannedAt();
        return exceptionType(claim.tenant(), client).chain(typeId -> {
            Uni<Optional<Long>> existing = !claim.verify() ? Uni.createFrom().item(Optional.empty())
                    : client.searchRead("mail.activity", List.of(List.of("res_model", "=", "stock.picking"),
                                    List.of("res_id", "=", claim.pickingId()), List.of("activity_type_id", "=", typeId),
                                    List.of("summary", "=", summary)), List.of("summary"), 0, 0, "id")
                            .map(found -> found.stream().filter(a -> summary.equals(a.text("summary").orElse(null)))
                                    .map(OdooRecord::id).findFirst());
            return existing.chain(found -> {
                if (found.isPresent()) {
                    return Uni.createFrom().item(Sent.found(found.get()));
                }
                Map<String, Object> kwargs = new LinkedHashMap<>();
                kwargs.put("activity_type_id", typeId);
                kwargs.put("summary", summary);
                kwargs.put("note", OdooText.paragraph(payload.path("note").asText("")));
                kwargs.put("date_deadline", owners.deadline(owner, raisedAt).toString());
                owners.userId(claim.tenant(), owner).ifPresent(user -> kwargs.put("user_id", user));
                return client.call("stock.picking", "activity_schedule", List.of(List.of(claim.pickingId())), kwargs)
                        .map(result -> Sent.made(firstId(result)));
            });
        });
    }

    /**
     * The id of the "Exception" activity type. {@code check_object_reference} answers {@code false} for it
     * in a fresh database (the type is archived), so {@code ir.model.data} is searched instead.
     */
    private Uni<Long> exceptionType(String tenant, OdooClient client) {
        Long known = exceptionTypes.get(tenant);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return client.searchRead("ir.model.data", List.of(List.of("module", "=", EXCEPTION_TYPE_MODULE),
                        List.of("name", "=", EXCEPTION_TYPE_NAME)), List.of("model", "res_id"), 0, 0, null)
                .map(rows -> rows.stream()
                        .filter(row -> "mail.activity.type".equals(row.text("model").orElse(null)))
                        .map(row -> row.integer("res_id").orElse(0L))
                        .filter(id -> id > 0)
                        .findFirst()
                        .orElseThrow(() -> new WriteBackRejected("Odoo has no activity type "
                                + EXCEPTION_TYPE_MODULE + "." + EXCEPTION_TYPE_NAME + " (is the mail module installed?)")))
                .invoke(id -> exceptionTypes.put(tenant, id));
    }

    /** Whether the picking already holds every value the write would set. */
    static boolean holds(OdooRecord picking, JsonNode values) {
        Iterator<Map.Entry<String, JsonNode>> fields = values.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode wanted = field.getValue();
            if (wanted.isNumber()) {
                Optional<BigDecimal> stored = picking.decimal(field.getKey());
                if (stored.isEmpty() || stored.get().compareTo(wanted.decimalValue()) != 0) {
                    return false;
                }
            } else if (!picking.text(field.getKey()).equals(Optional.ofNullable(wanted.isNull() ? null : wanted.asText()))) {
                return false;
            }
        }
        return true;
    }

    private static Long firstId(Optional<JsonNode> result) {
        List<Long> ids = result.map(OdooResults::recordIds).orElse(List.of());
        return ids.isEmpty() ? null : ids.get(0);
    }

    static String mimetype(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".zpl")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }

    static String odooDateTime(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(ODOO_DATETIME);
    }

    private static JsonNode payload(Claim claim) {
        try {
            return JSON.readTree(claim.payload());
        } catch (JsonProcessingException e) {
            throw new WriteBackRejected("the planned payload is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String required(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new WriteBackRejected("the planned payload has no " + field);
        }
        return value.asText();
    }

    /** A JSON object as the map the Odoo client sends: numbers stay exact decimals. */
    private static Map<String, Object> map(JsonNode object) {
        Map<String, Object> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue()));
        return values;
    }

    /** What Odoo holds now: the id it answered (null for a write), and whether it was found rather than made. */
    public record Sent(Long odooId, boolean found) {
        static Sent made(Long odooId) {
            return new Sent(odooId, false);
        }

        static Sent found(Long odooId) {
            return new Sent(odooId, true);
        }
    }
}
