package dev.carrierhub.carriers.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON against a schema inside an OpenAPI 3.1 document, read in place.
 *
 * <p>Why not swagger-request-validator: it is built on swagger-parser for OpenAPI 3.0, and 3.1 schemas
 * ({@code type: [string, "null"]}, {@code const}, 2020-12 keywords) are not reliably understood by it. OpenAPI 3.1's
 * schema dialect is JSON Schema draft 2020-12, so the networknt validator (2020-12, formats asserted) checks the
 * request body schema directly. The whole document is the schema resource, with a root {@code $ref} to the JSON
 * pointer of the wanted schema; every {@code $ref} inside then resolves within the same document, and the
 * document's other members ({@code openapi}, {@code paths}, …) are unknown keywords that 2020-12 ignores.
 */
public final class OpenApi31Schemas {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private final JsonNode document;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApi31Schemas(JsonNode document) {
        if (!document.path("openapi").asText().startsWith("3.1")) {
            throw new IllegalArgumentException("not an OpenAPI 3.1 document: " + document.path("openapi"));
        }
        this.document = document;
    }

    public static OpenApi31Schemas load(Path yaml) {
        try {
            return new OpenApi31Schemas(YAML.readTree(yaml.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pointer of a component schema, e.g. {@code #/components/schemas/Track}. */
    public static String component(String name) {
        return "#/components/schemas/" + name;
    }

    /** The pointer of the JSON request body schema of an operation, e.g. {@code POST /transactions}. */
    public static String requestBody(String method, String path) {
        return "#/paths/" + escape(path) + "/" + method.toLowerCase() + "/requestBody/content/application~1json/schema";
    }

    /** The schema at {@code pointer} exists in the document (a typo would otherwise validate nothing). */
    public boolean has(String pointer) {
        return !document.at(pointer.substring(1)).isMissingNode();
    }

    /** The validation errors of {@code instance} against the schema at {@code pointer}; empty when it conforms. */
    public List<String> errors(String pointer, JsonNode instance) {
        if (!has(pointer)) {
            throw new IllegalArgumentException("no schema at " + pointer);
        }
        Schema schema = schemas.computeIfAbsent(pointer, p -> {
            ObjectNode root = document.deepCopy();
            root.put("$ref", p);
            return REGISTRY.getSchema(root.toString(), InputFormat.JSON);
        });
        return schema.validate(instance.toString(), InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
