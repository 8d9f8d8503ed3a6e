package dev.carrierhub.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Odoo's external API for one connection (tenant), over JSON-RPC (Odoo 17/18) or JSON-2 (Odoo 19+).
 *
 * <p>Every {@code Uni} fails with an {@link OdooException} subtype. Transient and concurrency failures have
 * already been retried (see {@link OdooResilience}); calls that may have run are retried only when they are
 * idempotent ({@code read}, {@code searchRead}, {@code searchCount}, {@code write}, {@code authenticate},
 * {@code version}), never {@code create} or {@code call}. Values ({@code domain}, {@code values}, {@code args},
 * {@code kwargs}) are anything Jackson writes: maps, lists, strings, numbers, booleans, {@code JsonNode}s.
 * Dates go as Odoo strings ({@code "2026-11-26"}, {@code "2026-11-26 19:49:04"} in UTC).
 */
public interface OdooClient {

    /** The settings this client was made for. */
    OdooConnection connection();

    /** The state of this connection's circuit breaker. */
    OdooCircuitState circuitState();

    /**
     * The integration user's uid: JSON-RPC {@code common.authenticate(db, login, key)} (a rejected login or key is
     * answered {@code false}: an {@link OdooAccessException}); JSON-2 {@code res.users/context_get}.
     */
    Uni<Long> authenticate();

    /** The server's version (JSON-RPC {@code common.version}, JSON-2 {@code GET /web/version}). */
    Uni<OdooVersion> version();

    /**
     * {@code read(ids, fields)}. Ids that do not exist, or are not committed yet, are silently absent: the list
     * may be shorter than {@code ids}, or empty. An empty {@code fields} reads all fields.
     */
    Uni<List<OdooRecord>> read(String model, Collection<Long> ids, List<String> fields);

    /**
     * {@code search_read(domain, fields, offset, limit, order)}; {@code limit <= 0} means no limit, a null
     * {@code order} the model's default. A domain is a list of {@code [field, operator, value]} lists and
     * {@code "&"}, {@code "|"}, {@code "!"}; Python's False is {@code false}.
     */
    Uni<List<OdooRecord>> searchRead(String model, List<?> domain, List<String> fields, int offset, int limit,
            String order);

    /** {@code search_count(domain)}. */
    Uni<Long> searchCount(String model, List<?> domain);

    /** {@code create(values)}: the new record's id. Not retried once sent, so a lost answer cannot duplicate it. */
    Uni<Long> create(String model, Map<String, ?> values);

    /** {@code write(values)} on {@code ids}. Writing to a deleted id fails with {@link OdooMissingRecordException}. */
    Uni<Void> write(String model, Collection<Long> ids, Map<String, ?> values);

    /**
     * Any public method: {@code model.browse(args[0]).method(*args[1:], **kwargs)} (e.g. {@code message_post},
     * {@code activity_schedule}, {@code action_confirm}). Put the record ids first in {@code args} (a list of
     * numbers) and everything else in {@code kwargs}: JSON-2 has named arguments only, so there any further
     * positional argument fails with an {@link IllegalArgumentException}. An {@code @api.model} method takes no ids.
     *
     * <p>The result is the method's return value as JSON; empty when it returned None (JSON-RPC then sends no
     * {@code result} at all). A method returning records gives {@code "mail.activity(4,)"} over JSON-RPC and
     * {@code [4]} over JSON-2: read either with {@link OdooResults#recordIds}. Action methods may return a
     * window action (a dict) instead of doing the work: check {@link OdooResults#isAction}.
     */
    Uni<Optional<JsonNode>> call(String model, String method, List<?> args, Map<String, ?> kwargs);
}
