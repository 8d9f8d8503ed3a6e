package dev.carrierhub.odoo.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for reading what {@link OdooClient#call} returns. */
public final class OdooResults {
    private static final Pattern RECORDSET = Pattern.compile("^[\\w.]+\\(([\\d,\\s]*)\\)$");

    private OdooResults() {
    }

    /**
     * The ids of a method that returned records, whichever way they came: JSON-RPC sends a recordset as its
     * string form ({@code "mail.activity(4,)"}), JSON-2 as a list of ids ({@code [4]}), {@code create} as an id.
     * Anything else (true, a dict such as a wizard action, None) gives an empty list.
     */
    public static List<Long> recordIds(JsonNode result) {
        List<Long> ids = new ArrayList<>();
        if (result == null) {
            return ids;
        }
        if (result.isIntegralNumber()) {
            ids.add(result.longValue());
        } else if (result.isArray()) {
            result.forEach(id -> {
                if (id.isIntegralNumber()) {
                    ids.add(id.longValue());
                }
            });
        } else if (result.isTextual()) {
            Matcher matcher = RECORDSET.matcher(result.textValue().strip());
            if (matcher.matches()) {
                for (String id : matcher.group(1).split(",")) {
                    if (!id.isBlank()) {
                        ids.add(Long.parseLong(id.strip()));
                    }
                }
            }
        }
        return List.copyOf(ids);
    }

    /** Whether a result is a window action (a wizard Odoo wants a user to fill in) rather than the work done. */
    public static boolean isAction(JsonNode result) {
        return result != null && result.isObject() && result.path("type").asText("").startsWith("ir.actions.");
    }
}
