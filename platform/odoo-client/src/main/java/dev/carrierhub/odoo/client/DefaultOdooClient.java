package dev.carrierhub.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ORM operations in terms of {@link OdooCall}s, sent through the connection's guard and transport. */
final class DefaultOdooClient implements OdooClient {
    private final OdooConnection connection;
    private final OdooTransport transport;
    private final CallGuard guard;

    DefaultOdooClient(OdooConnection connection, OdooTransport transport, CallGuard guard) {
        this.connection = connection;
        this.transport = transport;
        this.guard = guard;
    }

    @Override
    public OdooConnection connection() {
        return connection;
    }

    @Override
    public OdooCircuitState circuitState() {
        return guard.circuitState();
    }

    @Override
    public Uni<Long> authenticate() {
        return guard.call("authenticate", true, transport::authenticate);
    }

    @Override
    public Uni<OdooVersion> version() {
        return guard.call("version", true, transport::version);
    }

    @Override
    public Uni<List<OdooRecord>> read(String model, Collection<Long> ids, List<String> fields) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (fields != null && !fields.isEmpty()) {
            kwargs.put("fields", fields);
        }
        return records(OdooCall.onRecords(model, "read", ids, List.of(), kwargs, true));
    }

    @Override
    public Uni<List<OdooRecord>> searchRead(String model, List<?> domain, List<String> fields, int offset, int limit,
            String order) {
        // Only what differs from Odoo's defaults is sent, as the recorded poller did.
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (fields != null && !fields.isEmpty()) {
            kwargs.put("fields", fields);
        }
        if (order != null) {
            kwargs.put("order", order);
        }
        if (offset > 0) {
            kwargs.put("offset", offset);
        }
        if (limit > 0) {
            kwargs.put("limit", limit);
        }
        return records(OdooCall.onModel(model, "search_read", List.of(domainArg(domain)), kwargs, true));
    }

    @Override
    public Uni<Long> searchCount(String model, List<?> domain) {
        OdooCall call = OdooCall.onModel(model, "search_count", List.of(domainArg(domain)), Map.of(), true);
        return send(call).map(result -> result.filter(JsonNode::isIntegralNumber).map(JsonNode::longValue)
                .orElseThrow(() -> unexpected(call, "a count", result)));
    }

    @Override
    public Uni<Long> create(String model, Map<String, ?> values) {
        // create is model_create_multi: JSON-2 names its parameter vals_list and answers [id].
        OdooCall call = OdooCall.onModel(model, "create", List.of(new OdooCall.Arg("vals_list", values)), Map.of(), false);
        return send(call).map(result -> {
            List<Long> ids = result.map(OdooResults::recordIds).orElse(List.of());
            if (ids.size() != 1) {
                throw unexpected(call, "one id", result);
            }
            return ids.get(0);
        });
    }

    @Override
    public Uni<Void> write(String model, Collection<Long> ids, Map<String, ?> values) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Repeating a write after a lost answer converges on the same values, so it counts as idempotent.
        OdooCall call = OdooCall.onRecords(model, "write", ids, List.of(new OdooCall.Arg("vals", values)), Map.of(), true);
        return send(call).replaceWithVoid();
    }

    @Override
    public Uni<Optional<JsonNode>> call(String model, String method, List<?> args, Map<String, ?> kwargs) {
        List<?> positional = args == null ? List.of() : args;
        List<OdooCall.Arg> rest = new ArrayList<>();
        OdooCall call;
        if (!positional.isEmpty() && isIdList(positional.get(0))) {
            positional.subList(1, positional.size()).forEach(value -> rest.add(new OdooCall.Arg(null, value)));
            call = OdooCall.onRecords(model, method, toIds((Collection<?>) positional.get(0)), rest, kwargs, false);
        } else {
            positional.forEach(value -> rest.add(new OdooCall.Arg(null, value)));
            call = OdooCall.onModel(model, method, rest, kwargs, false);
        }
        return send(call);
    }

    private Uni<Optional<JsonNode>> send(OdooCall call) {
        return guard.call(call.operation(), call.idempotent(), () -> transport.execute(call));
    }

    private Uni<List<OdooRecord>> records(OdooCall call) {
        return send(call).map(result -> {
            JsonNode rows = result.orElse(null);
            if (rows == null || !rows.isArray()) {
                throw unexpected(call, "a list of records", result);
            }
            List<OdooRecord> records = new ArrayList<>(rows.size());
            for (JsonNode row : rows) {
                if (!row.isObject()) {
                    throw unexpected(call, "a list of records", result);
                }
                records.add(new OdooRecord((ObjectNode) row));
            }
            return List.copyOf(records);
        });
    }

    private static OdooCall.Arg domainArg(List<?> domain) {
        return new OdooCall.Arg("domain", domain == null ? List.of() : domain);
    }

    private static boolean isIdList(Object value) {
        return value instanceof Collection<?> values && values.stream().allMatch(v -> v instanceof Number);
    }

    private static List<Long> toIds(Collection<?> values) {
        List<Long> ids = new ArrayList<>(values.size());
        values.forEach(v -> ids.add(((Number) v).longValue()));
        return ids;
    }

    private static OdooProtocolException unexpected(OdooCall call, String expected, Optional<JsonNode> result) {
        String got = result.map(JsonNode::toString).orElse("None");
        return new OdooProtocolException(OdooError.of(call.operation(),
                "expected " + expected + ", got " + (got.length() > 200 ? got.substring(0, 200) + "..." : got), 200));
    }
}
