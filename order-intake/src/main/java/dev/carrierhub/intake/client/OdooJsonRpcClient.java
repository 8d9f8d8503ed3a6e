package dev.carrierhub.intake.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.intake.config.TenantsConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Calls {@code object.execute_kw} on a tenant's Odoo and unwraps Odoo's error envelope. */
@ApplicationScoped
public class OdooJsonRpcClient {
    private final TenantsConfig tenants;
    private final ObjectMapper mapper;
    private final Map<String, OdooJsonRpcApi> clients = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();

    public OdooJsonRpcClient(TenantsConfig tenants, ObjectMapper mapper) {
        this.tenants = tenants;
        this.mapper = mapper;
    }

    /** {@code model.method(*args, **kwargs)} as the tenant's integration user. */
    public Uni<JsonNode> executeKw(String tenant, String model, String method, List<?> args, Map<String, ?> kwargs) {
        TenantsConfig.Odoo odoo = odoo(tenant);
        ObjectNode request = mapper.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("method", "call");
        request.put("id", requestIds.incrementAndGet());
        ObjectNode params = request.putObject("params");
        params.put("service", "object");
        params.put("method", "execute_kw");
        ArrayNode callArgs = params.putArray("args");
        callArgs.add(odoo.database());
        callArgs.add(odoo.userId());
        callArgs.add(odoo.apiKey());
        callArgs.add(model);
        callArgs.add(method);
        callArgs.add(mapper.valueToTree(args));
        callArgs.add(mapper.valueToTree(kwargs));
        return client(tenant, odoo).call(request).map(OdooJsonRpcClient::unwrap);
    }

    /** {@code read} of some ids; a record that does not exist (or is not committed yet) is simply absent. */
    public Uni<JsonNode> read(String tenant, String model, List<Long> ids, List<String> fields) {
        return executeKw(tenant, model, "read", List.of(ids), Map.of("fields", fields));
    }

    static JsonNode unwrap(JsonNode response) {
        JsonNode error = response.get("error");
        if (error != null && !error.isNull()) {
            JsonNode data = error.path("data");
            throw new OdooException(data.path("name").asText("unknown"),
                    data.path("message").asText(error.path("message").asText()));
        }
        return response.path("result");
    }

    private TenantsConfig.Odoo odoo(String tenant) {
        return tenants.tenant(tenant)
                .orElseThrow(() -> new IllegalArgumentException("unknown tenant " + tenant))
                .odoo();
    }

    private OdooJsonRpcApi client(String tenant, TenantsConfig.Odoo odoo) {
        return clients.computeIfAbsent(tenant, t -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(odoo.url())
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.SECONDS)
                .build(OdooJsonRpcApi.class));
    }
}
