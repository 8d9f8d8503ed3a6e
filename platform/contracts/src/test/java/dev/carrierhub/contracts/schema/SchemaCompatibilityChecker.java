package dev.carrierhub.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a new version of a set of schemas is backward compatible with a baseline for
 * consumers: a consumer that reads with the new schemas must still accept every document that was valid
 * under the baseline (an event replayed from the topic, or written by a producer not yet upgraded).
 *
 * <p>Detected as breaking:
 * <ul>
 *   <li>a schema document or a {@code $defs} entry removed,</li>
 *   <li>a property removed,</li>
 *   <li>a property required that was not required before (including a new property that is required),</li>
 *   <li>an enum value removed (or an enum introduced where any value was accepted),</li>
 *   <li>a type changed: a type the baseline accepted that the new schema no longer accepts
 *       ({@code integer} to {@code number} is a widening and allowed).</li>
 * </ul>
 * Adding optional properties and adding enum values pass. The walk follows {@code properties},
 * {@code items} and {@code $defs} through {@code $ref}s on both sides, so a change to a shared definition
 * is reported at every instance path that uses it. Other keywords (patterns, bounds, formats) are not compared.
 */
public final class SchemaCompatibilityChecker {

    public enum Kind {
        SCHEMA_REMOVED,
        PROPERTY_REMOVED,
        PROPERTY_NEWLY_REQUIRED,
        ENUM_VALUE_REMOVED,
        TYPE_CHANGED
    }

    /** One breaking change: where the baseline schema is, the instance path it governs, and what changed. */
    public record Incompatibility(Kind kind, String schemaLocation, String instancePath, String detail) {
        @Override
        public String toString() {
            return kind + " at " + schemaLocation + " (" + instancePath + "): " + detail;
        }
    }

    private static final JsonNode ANYTHING = JsonNodeFactory.instance.objectNode();

    private final SchemaSet baseline;
    private final SchemaSet current;
    private final List<Incompatibility> found = new ArrayList<>();
    /** The pairs being compared on the current path, so that a recursive schema cannot loop forever. */
    private final Set<String> inProgress = new HashSet<>();

    private SchemaCompatibilityChecker(SchemaSet baseline, SchemaSet current) {
        this.baseline = baseline;
        this.current = current;
    }

    /** Every breaking change from {@code baseline} to {@code current}; empty when compatible. */
    public static List<Incompatibility> check(SchemaSet baseline, SchemaSet current) {
        SchemaCompatibilityChecker checker = new SchemaCompatibilityChecker(baseline, current);
        for (String fileName : baseline.fileNames()) {
            if (!current.contains(fileName)) {
                checker.report(Kind.SCHEMA_REMOVED, baseline.root(fileName), "$", "schema document " + fileName + " removed");
            } else {
                checker.compare(baseline.root(fileName), current.root(fileName), "$");
            }
        }
        return List.copyOf(checker.found);
    }

    private void compare(SchemaSet.Located oldSchema, SchemaSet.Located newSchema, String path) {
        SchemaSet.Located was = oldSchema.node().isMissingNode() ? oldSchema : baseline.deref(oldSchema);
        SchemaSet.Located now = newSchema.node().isMissingNode() ? newSchema : current.deref(newSchema);
        String pair = was + " -> " + now;
        if (!inProgress.add(pair)) {
            return;
        }
        try {
            compareAll(was, now, path);
        } finally {
            inProgress.remove(pair);
        }
    }

    private void compareAll(SchemaSet.Located was, SchemaSet.Located now, String path) {
        compareTypes(was, now, path);
        compareEnums(was, now, path);
        compareProperties(was, now, path);
        compareRequired(was, now, path);
        if (was.node().has("items") || now.node().has("items")) {
            compare(orAnything(was.child("items")), orAnything(now.child("items")), path + "[]");
        }
        for (String name : names(was.node().path("$defs"))) {
            SchemaSet.Located newDef = now.child("$defs", name);
            if (newDef.node().isMissingNode()) {
                report(Kind.SCHEMA_REMOVED, was.child("$defs", name), path, "definition " + name + " removed");
            } else {
                compare(was.child("$defs", name), newDef, "$defs/" + name + ":$");
            }
        }
    }

    private void compareTypes(SchemaSet.Located was, SchemaSet.Located now, String path) {
        Set<String> oldTypes = types(was.node());
        Set<String> newTypes = types(now.node());
        if (newTypes.isEmpty()) {
            return;
        }
        if (oldTypes.isEmpty()) {
            report(Kind.TYPE_CHANGED, was, path, "any type was accepted, now only " + newTypes);
            return;
        }
        for (String type : oldTypes) {
            boolean accepted = newTypes.contains(type) || (type.equals("integer") && newTypes.contains("number"));
            if (!accepted) {
                report(Kind.TYPE_CHANGED, was, path, "type was " + oldTypes + ", now " + newTypes);
                return;
            }
        }
    }

    private void compareEnums(SchemaSet.Located was, SchemaSet.Located now, String path) {
        JsonNode newEnum = now.node().get("enum");
        if (newEnum == null) {
            return;
        }
        JsonNode oldEnum = was.node().get("enum");
        if (oldEnum == null) {
            report(Kind.ENUM_VALUE_REMOVED, was, path, "any value was accepted, now only " + newEnum);
            return;
        }
        Set<JsonNode> newValues = new HashSet<>();
        newEnum.forEach(newValues::add);
        oldEnum.forEach(value -> {
            if (!newValues.contains(value)) {
                report(Kind.ENUM_VALUE_REMOVED, was, path, "enum value " + value + " removed");
            }
        });
    }

    private void compareProperties(SchemaSet.Located was, SchemaSet.Located now, String path) {
        for (String name : names(was.node().path("properties"))) {
            SchemaSet.Located newProperty = now.child("properties", name);
            if (newProperty.node().isMissingNode()) {
                report(Kind.PROPERTY_REMOVED, was.child("properties", name), path, "property " + name + " removed");
            } else {
                compare(was.child("properties", name), newProperty, path + "." + name);
            }
        }
    }

    private void compareRequired(SchemaSet.Located was, SchemaSet.Located now, String path) {
        Set<String> oldRequired = texts(was.node().path("required"));
        for (String name : texts(now.node().path("required"))) {
            if (!oldRequired.contains(name)) {
                report(Kind.PROPERTY_NEWLY_REQUIRED, was, path, "property " + name + " is now required");
            }
        }
    }

    private void report(Kind kind, SchemaSet.Located where, String path, String detail) {
        found.add(new Incompatibility(kind, where.toString(), path, detail));
    }

    private static SchemaSet.Located orAnything(SchemaSet.Located schema) {
        return schema.node().isMissingNode() ? new SchemaSet.Located(schema.documentId(), schema.pointer(), ANYTHING) : schema;
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? texts(type) : type.isTextual() ? Set.of(type.asText()) : Set.of();
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
