package dev.carrierhub.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.contracts.schema.SchemaCompatibilityChecker.Incompatibility;
import dev.carrierhub.contracts.schema.SchemaCompatibilityChecker.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Shows that each kind of breaking change is detected, and that additive changes pass. */
class SchemaCompatibilityCheckerTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private static final String DEFS = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://example.test/schemas/defs.schema.json",
              "$defs": {
                "Money": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": ["amount", "currency"],
                  "properties": {
                    "amount": { "type": "number" },
                    "currency": { "type": "string", "pattern": "^[A-Z]{3}$" }
                  }
                },
                "Unit": { "type": "string", "enum": ["KG", "LB"] }
              }
            }
            """;

    private static final String EVENT = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://example.test/schemas/thing.happened.v1.schema.json",
              "type": "object",
              "additionalProperties": false,
              "required": ["id", "price"],
              "properties": {
                "id": { "type": "string" },
                "count": { "type": "integer" },
                "price": { "$ref": "defs.schema.json#/$defs/Money" },
                "lines": { "type": "array", "items": { "$ref": "defs.schema.json#/$defs/Money" } },
                "unit": { "description": "the unit", "$ref": "defs.schema.json#/$defs/Unit" }
              }
            }
            """;

    private static final String EVENT_FILE = "thing.happened.v1.schema.json";
    private static final String DEFS_FILE = "defs.schema.json";

    @Test
    void identicalSchemasAreCompatible() {
        assertThat(check(baseline())).isEmpty();
    }

    @Test
    void addingAnOptionalPropertyIsCompatible() {
        assertThat(check(changed(EVENT_FILE, root -> properties(root).putObject("note").put("type", "string")))).isEmpty();
        assertThat(check(changed(DEFS_FILE, root -> properties(def(root, "Money")).putObject("rate").put("type", "number"))))
                .isEmpty();
    }

    @Test
    void addingAnEnumValueIsCompatible() {
        assertThat(check(changed(DEFS_FILE, root -> ((ArrayNode) def(root, "Unit").get("enum")).add("OZ")))).isEmpty();
    }

    @Test
    void wideningIntegerToNumberIsCompatible() {
        assertThat(check(changed(EVENT_FILE, root -> property(root, "count").put("type", "number")))).isEmpty();
    }

    @Test
    void droppingARequirementIsCompatible() {
        assertThat(check(changed(EVENT_FILE, root -> ((ArrayNode) root.get("required")).remove(1)))).isEmpty();
    }

    @Test
    void removedPropertyIsDetected() {
        List<Incompatibility> found = check(changed(EVENT_FILE, root -> properties(root).remove("count")));

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.PROPERTY_REMOVED);
            assertThat(i.instancePath()).isEqualTo("$");
            assertThat(i.detail()).contains("count");
        });
    }

    @Test
    void removedPropertyInASharedDefinitionIsDetectedThroughRef() {
        List<Incompatibility> found = check(changed(DEFS_FILE, root -> properties(def(root, "Money")).remove("currency")));

        assertThat(found).extracting(Incompatibility::kind).containsOnly(Kind.PROPERTY_REMOVED);
        assertThat(found).extracting(Incompatibility::instancePath).contains("$.price", "$.lines[]");
    }

    @Test
    void existingPropertyBecomingRequiredIsDetected() {
        List<Incompatibility> found = check(changed(EVENT_FILE, root -> ((ArrayNode) root.get("required")).add("count")));

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.PROPERTY_NEWLY_REQUIRED);
            assertThat(i.detail()).contains("count");
        });
    }

    @Test
    void newRequiredPropertyIsDetected() {
        List<Incompatibility> found = check(changed(EVENT_FILE, root -> {
            properties(root).putObject("channel").put("type", "string");
            ((ArrayNode) root.get("required")).add("channel");
        }));

        assertThat(found).extracting(Incompatibility::kind).containsExactly(Kind.PROPERTY_NEWLY_REQUIRED);
    }

    @Test
    void removedEnumValueIsDetected() {
        List<Incompatibility> found = check(changed(DEFS_FILE, root -> ((ArrayNode) def(root, "Unit").get("enum")).remove(1)));

        assertThat(found).isNotEmpty().allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(Kind.ENUM_VALUE_REMOVED);
            assertThat(i.detail()).contains("LB");
        });
        assertThat(found).extracting(Incompatibility::instancePath).contains("$.unit");
    }

    @Test
    void introducedEnumIsDetected() {
        List<Incompatibility> found = check(changed(EVENT_FILE, root -> property(root, "id").putArray("enum").add("a")));

        assertThat(found).extracting(Incompatibility::kind).containsExactly(Kind.ENUM_VALUE_REMOVED);
    }

    @Test
    void changedTypeIsDetected() {
        List<Incompatibility> found = check(changed(EVENT_FILE, root -> property(root, "id").put("type", "integer")));

        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.TYPE_CHANGED);
            assertThat(i.instancePath()).isEqualTo("$.id");
        });
    }

    @Test
    void narrowedNumberToIntegerIsDetected() {
        List<Incompatibility> found = check(changed(DEFS_FILE,
                root -> property(def(root, "Money"), "amount").put("type", "integer")));

        assertThat(found).isNotEmpty().extracting(Incompatibility::kind).containsOnly(Kind.TYPE_CHANGED);
    }

    @Test
    void objectBecomingArrayIsDetected() {
        List<Incompatibility> found = check(changed(EVENT_FILE, root -> {
            ObjectNode price = properties(root).putObject("price");
            price.put("type", "array");
            price.putObject("items").put("$ref", "defs.schema.json#/$defs/Money");
        }));

        assertThat(found).extracting(Incompatibility::kind).contains(Kind.TYPE_CHANGED);
    }

    @Test
    void changedItemTypeIsDetected() {
        List<Incompatibility> found = check(changed(EVENT_FILE,
                root -> ((ObjectNode) property(root, "lines").get("items")).removeAll().put("type", "string")));

        assertThat(found).filteredOn(i -> i.kind() == Kind.TYPE_CHANGED)
                .singleElement()
                .extracting(Incompatibility::instancePath)
                .isEqualTo("$.lines[]");
    }

    @Test
    void removedSchemaDocumentIsDetected() {
        Map<String, String> current = baseline();
        current.remove(EVENT_FILE);

        assertThat(check(current)).extracting(Incompatibility::kind).containsExactly(Kind.SCHEMA_REMOVED);
    }

    @Test
    void removedDefinitionIsDetected() {
        Map<String, String> current = changed(DEFS_FILE, root -> ((ObjectNode) root.get("$defs")).remove("Unit"));
        change(current, EVENT_FILE, root -> {
            ObjectNode unit = properties(root).putObject("unit");
            unit.put("type", "string");
            unit.putArray("enum").add("KG").add("LB");
        });

        assertThat(check(current)).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(Kind.SCHEMA_REMOVED);
            assertThat(i.detail()).contains("Unit");
        });
    }

    private static List<Incompatibility> check(Map<String, String> current) {
        return SchemaCompatibilityChecker.check(SchemaSet.of(baseline()), SchemaSet.of(current));
    }

    private static Map<String, String> baseline() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DEFS_FILE, DEFS);
        files.put(EVENT_FILE, EVENT);
        return files;
    }

    private static Map<String, String> changed(String fileName, Consumer<ObjectNode> change) {
        return change(baseline(), fileName, change);
    }

    private static Map<String, String> change(Map<String, String> files, String fileName, Consumer<ObjectNode> change) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(files.get(fileName));
            change.accept(root);
            files.put(fileName, MAPPER.writeValueAsString(root));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static ObjectNode def(ObjectNode root, String name) {
        return (ObjectNode) root.get("$defs").get(name);
    }

    private static ObjectNode properties(ObjectNode schema) {
        JsonNode properties = schema.get("properties");
        return properties == null ? schema.putObject("properties") : (ObjectNode) properties;
    }

    private static ObjectNode property(ObjectNode schema, String name) {
        return (ObjectNode) properties(schema).get(name);
    }
}
