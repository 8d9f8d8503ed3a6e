package dev.carrierhub.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Odoo 17/18: {@code POST /jsonrpc}, {@code object.execute_kw(db, uid, api_key, model, method, args, kwargs)}.
 * Errors come back as HTTP 200 with an {@code error} member; only broken HTTP gets another status.
 */
final class JsonRpcTransport implements OdooTransport {
    private static final String PATH = "/jsonrpc";
    private final OdooHttp http;
    private final OdooConnection connection;
    private final Clock clock;
    private final AtomicLong requestIds = new AtomicLong();
    private final AtomicReference<Long> uid = new AtomicReference<>();

    JsonRpcTransport(OdooHttp http, OdooConnection connection, Clock clock) {
        this.http = http;
        this.connection = connection;
        this.clock = clock;
        uid.set(connection.uid());
    }

    @Override
    public Uni<Optional<JsonNode>> execute(OdooCall call) {
        return uid().chain(userId -> executeKw(userId, call))
                .onFailure(OdooAccessException.class).invoke(denied -> {
                    // A revoked or rotated key: authenticate again next time rather than trust the cached uid.
                    if (connection.uid() == null) {
                        uid.set(null);
                    }
                });
    }

    private Uni<Optional<JsonNode>> executeKw(long userId, OdooCall call) {
        List<Object> positional = new ArrayList<>();
        if (call.ids() != null) {
            positional.add(call.ids());
        }
        call.args().forEach(arg -> positional.add(arg.value()));
        ArrayNode args = OdooJson.MAPPER.createArrayNode()
                .add(connection.database())
                .add(userId)
                .add(connection.apiKey())
                .add(call.model())
                .add(call.method());
        args.add(OdooJson.MAPPER.valueToTree(positional));
        args.add(OdooJson.MAPPER.<JsonNode>valueToTree(call.kwargs()));
        return rpc("object", "execute_kw", args, call.operation());
    }

    private Uni<Long> uid() {
        Long known = uid.get();
        return known != null ? Uni.createFrom().item(known) : authenticate();
    }

    @Override
    public Uni<Long> authenticate() {
        if (connection.login() == null || connection.login().isBlank()) {
            // Only a uid is configured: prove the key works with a harmless call as that user.
            long userId = connection.uid();
            return executeKw(userId, OdooCall.onModel("res.users", "context_get", List.of(), Map.of(), true))
                    .replaceWith(userId);
        }
        ArrayNode args = OdooJson.MAPPER.createArrayNode()
                .add(connection.database())
                .add(connection.login())
                .add(connection.apiKey())
                .add(OdooJson.MAPPER.createObjectNode());
        String operation = "common.authenticate";
        return rpc("common", "authenticate", args, operation).map(result -> {
            JsonNode value = result.orElse(null);
            if (value != null && value.isIntegralNumber()) {
                uid.set(value.longValue());
                return value.longValue();
            }
            // Odoo answers a wrong login or key with result false, not with an error.
            throw new OdooAccessException(OdooError.of(operation,
                    "Access Denied: login " + connection.login() + " or its API key was rejected", 200));
        });
    }

    @Override
    public Uni<OdooVersion> version() {
        String operation = "common.version";
        return rpc("common", "version", OdooJson.MAPPER.createArrayNode(), operation).map(result -> {
            JsonNode value = result.orElse(null);
            if (value == null || !value.path("server_version").isTextual()) {
                throw new OdooProtocolException(OdooError.of(operation, "no server_version in " + value, 200));
            }
            return new OdooVersion(value.path("server_version").asText(),
                    versionInfo(value.path("server_version_info")));
        });
    }

    private Uni<Optional<JsonNode>> rpc(String service, String method, ArrayNode args, String operation) {
        ObjectNode request = OdooJson.MAPPER.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("method", "call");
        ObjectNode params = request.putObject("params");
        params.put("service", service);
        params.put("method", method);
        params.set("args", args);
        request.put("id", requestIds.incrementAndGet());
        return http.post(PATH, Map.of(), OdooJson.write(request), operation).map(reply -> unwrap(reply, operation));
    }

    /** Odoo's answer: the result (absent when the method returned None) or the typed error. */
    Optional<JsonNode> unwrap(HttpReply reply, String operation) {
        JsonNode json = reply.json();
        JsonNode error = json == null ? null : json.get("error");
        if (error != null && error.isObject()) {
            JsonNode data = error.path("data");
            throw OdooErrorMapper.fromOdoo(operation, data.has("name") ? data : error, reply, clock);
        }
        if (reply.status() != 200) {
            throw OdooErrorMapper.fromStatus(operation, reply, clock);
        }
        if (json == null || !json.isObject() || !"2.0".equals(json.path("jsonrpc").asText())) {
            throw new OdooProtocolException(OdooError.of(operation,
                    "not a JSON-RPC answer (" + reply.contentType() + "): " + reply.snippet(), reply.status()));
        }
        JsonNode result = json.get("result");
        return result == null || result.isNull() ? Optional.empty() : Optional.of(result);
    }

    static List<Object> versionInfo(JsonNode info) {
        List<Object> values = new ArrayList<>();
        info.forEach(part -> values.add(part.isIntegralNumber() ? (Object) part.intValue() : part.asText()));
        return values;
    }
}
