package dev.carrierhub.odoo.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One ORM call, independent of the protocol: {@code model.browse(ids).method(*args, **kwargs)}.
 * JSON-RPC sends {@code [ids, *args]} positionally; JSON-2 has named arguments only, so each positional
 * argument carries the parameter name it has in Odoo (null when the caller did not know it).
 *
 * @param ids        the records, or null for an {@code @api.model} method
 * @param idempotent whether repeating the call after an unknown outcome is harmless
 */
record OdooCall(String model, String method, List<Long> ids, List<Arg> args, Map<String, Object> kwargs,
        boolean idempotent) {
    // Model and method go into the JSON-2 URL path: allow only what Odoo names are made of.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.]+");

    OdooCall {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(method, "method");
        if (!NAME.matcher(model).matches() || !NAME.matcher(method).matches()) {
            throw new IllegalArgumentException("not an Odoo model/method name: " + model + "." + method);
        }
        ids = ids == null ? null : List.copyOf(ids);
        args = args == null ? List.of() : List.copyOf(args);
        kwargs = kwargs == null ? Map.of() : new LinkedHashMap<>(kwargs);
    }

    /** A positional argument and its parameter name in Odoo (null if unknown). */
    record Arg(String name, Object value) {
    }

    static OdooCall onRecords(String model, String method, Collection<Long> ids, List<Arg> args,
            Map<String, ?> kwargs, boolean idempotent) {
        return new OdooCall(model, method, new ArrayList<>(ids), args, copy(kwargs), idempotent);
    }

    static OdooCall onModel(String model, String method, List<Arg> args, Map<String, ?> kwargs, boolean idempotent) {
        return new OdooCall(model, method, null, args, copy(kwargs), idempotent);
    }

    String operation() {
        return model + "." + method;
    }

    private static Map<String, Object> copy(Map<String, ?> kwargs) {
        Map<String, Object> copy = new LinkedHashMap<>();
        if (kwargs != null) {
            kwargs.forEach(copy::put);
        }
        return copy;
    }
}
