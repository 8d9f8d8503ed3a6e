package dev.carrierhub.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Odoo 19+: {@code POST /json/2/<model>/<method>} with a JSON object of named arguments plus {@code ids} and
 * {@code context}; the body of a 200 is the method's return value, errors are 4xx/5xx with Odoo's error object.
 */
final class Json2Transport implements OdooTransport {
    private final OdooHttp http;
    private final OdooConnection connection;
    private final Clock clock;
    private final Map<String, String> headers;

    Json2Transport(OdooHttp http, OdooConnection connection, Clock clock) {
        this.http = http;
        this.connection = connection;
        this.clock = clock;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "bearer " + connection.apiKey());
        if (connection.database() != null && !connection.database().isBlank()) {
            h.put("X-Odoo-Database", connection.database());
        }
        this.headers = Map.copyOf(h);
    }

    @Override
    public Uni<Optional<JsonNode>> execute(OdooCall call) {
        return Uni.createFrom().item(() -> body(call)).chain(body ->
                http.post("/json/2/" + call.model() + "/" + call.method(), headers, OdooJson.write(body), call.operation())
                        .map(reply -> unwrap(reply, call.operation())));
    }

    static ObjectNode body(OdooCall call) {
        ObjectNode body = OdooJson.MAPPER.createObjectNode();
        if (call.ids() != null) {
            body.set("ids", OdooJson.MAPPER.valueToTree(call.ids()));
        }
        for (int i = 0; i < call.args().size(); i++) {
            OdooCall.Arg arg = call.args().get(i);
            if (arg.name() == null) {
                throw new IllegalArgumentException("JSON-2 has named arguments only: pass argument " + (i + 1) + " of "
                        + call.operation() + " in kwargs under its parameter name (ids go first in args)");
            }
            body.set(arg.name(), OdooJson.MAPPER.valueToTree(arg.value()));
        }
        call.kwargs().forEach((name, value) -> body.set(name, OdooJson.MAPPER.valueToTree(value)));
        return body;
    }

    Optional<JsonNode> unwrap(HttpReply reply, String operation) {
        if (reply.status() == 200) {
            if (reply.body().length == 0) {
                return Optional.empty();
            }
            JsonNode json = reply.json();
            if (json == null) {
                throw new OdooProtocolException(OdooError.of(operation,
                        "not a JSON answer (" + reply.contentType() + "): " + reply.snippet(), 200));
            }
            return json.isNull() ? Optional.empty() : Optional.of(json);
        }
        JsonNode json = reply.json();
        if (json != null && json.isObject() && json.path("name").isTextual()) {
            throw OdooErrorMapper.fromOdoo(operation, json, reply, clock);
        }
        throw OdooErrorMapper.fromStatus(operation, reply, clock);
    }

    @Override
    public Uni<Long> authenticate() {
        // JSON-2 has no login step: the key is the user. context_get tells which user it is.
        OdooCall whoAmI = OdooCall.onModel("res.users", "context_get", List.of(), Map.of(), true);
        return execute(whoAmI).map(result -> {
            JsonNode uid = result.map(context -> context.get("uid")).orElse(null);
            if (uid != null && uid.isIntegralNumber()) {
                return uid.longValue();
            }
            if (connection.uid() != null) {
                return connection.uid();
            }
            throw new OdooProtocolException(OdooError.of(whoAmI.operation(), "no uid in the user's context", 200));
        });
    }

    @Override
    public Uni<OdooVersion> version() {
        String operation = "GET /web/version";
        return http.get("/web/version", headers, operation).map(reply -> {
            JsonNode json = reply.status() == 200 ? reply.json() : null;
            if (json == null || !json.path("version").isTextual()) {
                if (reply.status() != 200) {
                    throw OdooErrorMapper.fromStatus(operation, reply, clock);
                }
                throw new OdooProtocolException(OdooError.of(operation, "no version in " + reply.snippet(), 200));
            }
            return new OdooVersion(json.path("version").asText(),
                    JsonRpcTransport.versionInfo(json.path("version_info")));
        });
    }
}
