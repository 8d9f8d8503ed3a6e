package dev.carrierhub.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.carrierhub.contracts.events.ShipmentEvent;
import dev.carrierhub.contracts.schema.SchemaSet;
import dev.carrierhub.contracts.shipment.Money;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the Java records and the JSON Schemas in step, both ways: samples written by {@link Json#mapper()}
 * validate, every record's components are exactly its schema object's properties (and its required
 * components exactly the schema's {@code required}), enums list exactly the Java constants, and documents
 * that break the contract are rejected.
 */
class ContractSchemaTest {
    static final String SCHEMA_BASE = "https://carrierhub.dev/schemas/";
    static final String CANONICAL = "canonical.schema.json";

    private static final ObjectMapper JSON = Json.mapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    // $ids are identifiers, not locations: resolve them (and the relative $refs between the
                    // documents) against the class path, never the network.
                    .schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_BASE, "classpath:schemas/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final SchemaSet SCHEMAS = SchemaSet.fromClasspathDirectory("schemas");
    /** One fully populated instance of every record class reachable from a payload, to probe its constructor. */
    private static final Map<Class<?>, Object> FULL_INSTANCES = fullInstances();

    // ---------------------------------------------------------------- (a) samples validate

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fullSampleValidates(EventType type) throws Exception {
        ShipmentEvent sample = Samples.full(type);
        assertThat(sample).isInstanceOf(type.payloadType());

        String json = JSON.writeValueAsString(sample);

        assertThat(validate(type, json)).as(json).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void minimalSampleValidates(EventType type) throws Exception {
        ShipmentEvent sample = Samples.minimal(type);
        assertThat(sample).isInstanceOf(type.payloadType());

        String json = JSON.writeValueAsString(sample);

        assertThat(validate(type, json)).as(json).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fullSampleSetsEveryFieldAndTheMapperWritesEachUnderItsComponentName(EventType type) {
        ShipmentEvent sample = Samples.full(type);
        List<String> problems = new ArrayList<>();

        checkFullyPopulated(sample, JSON.valueToTree(sample), type.topic(), problems);

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void minimalSampleLeavesEveryOptionalFieldOut(EventType type) {
        List<String> problems = new ArrayList<>();

        checkMinimal(Samples.minimal(type), type.topic(), problems);

        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------- (b) records and schemas declare the same fields

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordsAndSchemasDeclareTheSameFields(EventType type) {
        List<String> problems = new ArrayList<>();

        compareRecord(type.payloadType(), SCHEMAS.root(fileName(type)), type.topic(), problems);

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eventSchemaIsIdentifiedByItsFileName(EventType type) {
        JsonNode root = SCHEMAS.root(fileName(type)).node();

        assertThat(root.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(root.path("$id").asText()).isEqualTo(SCHEMA_BASE + fileName(type));
        assertThat(root.path("title").asText()).isEqualTo(type.payloadType().getSimpleName());
        assertThat(schema(type).getSchemaNode().path("$id").asString()).isEqualTo(SCHEMA_BASE + fileName(type));
    }

    @Test
    void canonicalDefinitionsAreExactlyTheSharedRecordsAndEnums() {
        Set<Class<?>> payloads = Arrays.stream(EventType.values()).map(EventType::payloadType).collect(Collectors.toSet());
        Set<Class<?>> shared = new HashSet<>();
        for (EventType type : EventType.values()) {
            collectTypes(type.payloadType(), shared);
        }
        shared.removeAll(payloads);

        Set<String> defs = new TreeSet<>();
        SCHEMAS.root(CANONICAL).node().path("$defs").fieldNames().forEachRemaining(defs::add);

        assertThat(shared).extracting(Class::getSimpleName).doesNotHaveDuplicates();
        assertThat(defs).containsExactlyInAnyOrderElementsOf(shared.stream().map(Class::getSimpleName).toList());
        assertThat(SCHEMAS.root(CANONICAL).node().path("$id").asText()).isEqualTo(SCHEMA_BASE + CANONICAL);
    }

    @Test
    void schemaDirectoryHoldsTheCanonicalDefinitionsAndOneSchemaPerEventType() {
        Set<String> expected = new TreeSet<>();
        expected.add(CANONICAL);
        for (EventType type : EventType.values()) {
            expected.add(fileName(type));
        }

        assertThat(SCHEMAS.fileNames()).containsExactlyInAnyOrderElementsOf(expected);
    }

    // ---------------------------------------------------------------- (c) documents breaking the contract are rejected

    @ParameterizedTest
    @EnumSource(EventType.class)
    void documentMissingARequiredPropertyIsRejected(EventType type) {
        ObjectNode full = JSON.valueToTree(Samples.full(type));
        List<String> required = new ArrayList<>();
        SCHEMAS.root(fileName(type)).node().path("required").forEach(name -> required.add(name.asText()));
        assertThat(required).isNotEmpty();

        for (String name : required) {
            ObjectNode document = full.deepCopy();
            document.remove(name);

            assertThat(validate(type, document)).as("without %s", name)
                    .extracting(Error::getKeyword).contains("required");
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void documentWithAnUnknownPropertyIsRejected(EventType type) {
        ObjectNode document = JSON.valueToTree(Samples.minimal(type));
        document.put("unexpected", "value");

        assertThat(validate(type, document)).extracting(Error::getKeyword).contains("additionalProperties");
    }

    @Test
    void unknownPropertyInASharedDefinitionIsRejected() {
        assertRejected(EventType.SHIPMENT_REQUESTED, "additionalProperties",
                doc -> ((ObjectNode) doc.at("/shipment/parcels/0/weight")).put("grams", 2500));
    }

    @Test
    void missingRequiredPropertyInASharedDefinitionIsRejected() {
        assertRejected(EventType.SHIPMENT_REQUESTED, "required", doc -> ((ObjectNode) doc.at("/shipment/shipTo")).remove("city"));
    }

    @Test
    void badCurrencyIsRejected() {
        assertRejected(EventType.SHIPMENT_LABELED, "pattern", doc -> ((ObjectNode) doc.at("/price")).put("currency", "eur"));
        assertRejected(EventType.SHIPMENT_LABELED, "pattern", doc -> ((ObjectNode) doc.at("/price")).put("currency", "EURO"));
    }

    @Test
    void amountAsStringIsRejected() {
        assertRejected(EventType.BILLING_DISCREPANCY, "type", doc -> ((ObjectNode) doc.at("/billed")).put("amount", "29.80"));
    }

    @Test
    void unknownEnumValueIsRejected() {
        assertRejected(EventType.TRACKING_UPDATED, "enum", doc -> doc.put("milestone", "LOST_IN_SPACE"));
    }

    @Test
    void malformedInstantIsRejected() {
        assertRejected(EventType.SHIPMENT_REQUESTED, "format", doc -> doc.put("requestedAt", "yesterday"));
        assertRejected(EventType.SHIPMENT_REQUESTED, "type", doc -> doc.put("requestedAt", 1741944413589L));
    }

    @Test
    void shipmentWithoutParcelsIsRejected() {
        assertRejected(EventType.SHIPMENT_RATED, "minItems", doc -> ((ObjectNode) doc.get("shipment")).putArray("parcels"));
    }

    @Test
    void nonPositivePickingIdIsRejected() {
        assertRejected(EventType.SHIPMENT_CANCEL_REQUESTED, "minimum", doc -> ((ObjectNode) doc.get("picking")).put("pickingId", 0));
    }

    @Test
    void negativeWeightIsRejected() {
        assertRejected(EventType.SHIPMENT_REQUESTED, "minimum",
                doc -> ((ObjectNode) doc.at("/shipment/parcels/0/weight")).put("value", new BigDecimal("-1")));
    }

    // ---------------------------------------------------------------- (d) JSON -> record -> JSON

    static Stream<Arguments> samples() {
        return Arrays.stream(EventType.values()).flatMap(type -> Stream.of(
                Arguments.of(type, "full", Samples.full(type)),
                Arguments.of(type, "minimal", Samples.minimal(type))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samples")
    void jsonRoundTripsThroughTheRecord(EventType type, String variant, ShipmentEvent sample) throws Exception {
        String json = JSON.writeValueAsString(sample);

        ShipmentEvent read = JSON.readValue(json, type.payloadType());
        String written = JSON.writeValueAsString(read);

        assertThat(read).isEqualTo(sample);
        assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(json));
        assertThat(read.shipmentId()).isEqualTo(Samples.SHIPMENT_ID);
    }

    @Test
    void moneyIsAJsonNumberKeepingItsScaleAndInstantsAreIsoStrings() throws Exception {
        assertThat(JSON.writeValueAsString(Money.of("12.50", "EUR"))).isEqualTo("{\"amount\":12.50,\"currency\":\"EUR\"}");
        assertThat(JSON.readValue("{\"amount\":12.50,\"currency\":\"EUR\"}", Money.class)).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(JSON.writeValueAsString(Instant.parse("2025-03-14T09:26:53.589Z"))).isEqualTo("\"2025-03-14T09:26:53.589Z\"");
    }

    // ---------------------------------------------------------------- validation

    static String fileName(EventType type) {
        return type.schemaResource().substring(type.schemaResource().lastIndexOf('/') + 1);
    }

    private static Schema schema(EventType type) {
        return REGISTRY.getSchema(SchemaLocation.of(SCHEMA_BASE + fileName(type)));
    }

    private static List<Error> validate(EventType type, String json) {
        return schema(type).validate(json, InputFormat.JSON);
    }

    private static List<Error> validate(EventType type, JsonNode document) {
        return validate(type, document.toString());
    }

    private static void assertRejected(EventType type, String keyword, Consumer<ObjectNode> breakIt) {
        ObjectNode document = JSON.valueToTree(Samples.full(type));
        assertThat(validate(type, document)).isEmpty();

        breakIt.accept(document);

        assertThat(validate(type, document)).as(document.toString()).extracting(Error::getKeyword).contains(keyword);
    }

    // ---------------------------------------------------------------- records against schemas

    private static void compareRecord(Class<?> recordClass, SchemaSet.Located schema, String path, List<String> problems) {
        SchemaSet.Located object = SCHEMAS.deref(schema);
        JsonNode node = object.node();
        if (!node.path("type").asText().equals("object")) {
            problems.add(path + " (" + object + "): type must be object for record " + recordClass.getSimpleName());
        }
        if (!node.path("additionalProperties").isBoolean() || node.path("additionalProperties").asBoolean()) {
            problems.add(path + " (" + object + "): additionalProperties must be false");
        }
        Map<String, RecordComponent> components = new LinkedHashMap<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        Set<String> properties = names(node.path("properties"));
        for (String name : components.keySet()) {
            if (!properties.contains(name)) {
                problems.add(path + ": " + recordClass.getSimpleName() + "." + name + " is missing from the schema " + object);
            }
        }
        for (String name : properties) {
            if (!components.containsKey(name)) {
                problems.add(path + ": schema property " + name + " of " + object + " is no component of " + recordClass.getSimpleName());
            }
        }
        Set<String> required = new TreeSet<>();
        node.path("required").forEach(name -> required.add(name.asText()));
        Set<String> requiredByConstructor = requiredComponents(recordClass);
        if (!required.equals(requiredByConstructor)) {
            problems.add(path + ": schema " + object + " requires " + required + " but " + recordClass.getSimpleName()
                    + " requires " + requiredByConstructor);
        }
        components.forEach((name, component) -> {
            if (properties.contains(name)) {
                compareType(component.getGenericType(), object.child("properties", name), path + "." + name, problems);
            }
        });
    }

    private static void compareType(Type javaType, SchemaSet.Located schema, String path, List<String> problems) {
        if (schema.node().isMissingNode()) {
            problems.add(path + ": no schema at " + schema);
            return;
        }
        Class<?> raw = raw(javaType);
        if (List.class.equals(raw)) {
            SchemaSet.Located array = SCHEMAS.deref(schema);
            expectType(array, "array", path, problems);
            compareType(((ParameterizedType) javaType).getActualTypeArguments()[0], array.child("items"), path + "[]", problems);
            return;
        }
        if (raw.isRecord() || raw.isEnum()) {
            SchemaSet.Located definition = SCHEMAS.deref(schema);
            String expected = CANONICAL + "#/$defs/" + raw.getSimpleName();
            if (!definition.toString().equals(expected)) {
                problems.add(path + ": " + raw.getSimpleName() + " must be a $ref to " + expected + ", is " + definition);
            }
            if (raw.isRecord()) {
                compareRecord(raw, definition, path, problems);
            } else {
                compareEnum(raw, definition, path, problems);
            }
            return;
        }
        SchemaSet.Located leaf = SCHEMAS.deref(schema);
        if (String.class.equals(raw)) {
            expectType(leaf, "string", path, problems);
        } else if (Instant.class.equals(raw)) {
            expectType(leaf, "string", path, problems);
            if (!leaf.node().path("format").asText().equals("date-time")) {
                problems.add(path + ": an Instant needs format date-time at " + leaf);
            }
        } else if (BigDecimal.class.equals(raw)) {
            expectType(leaf, "number", path, problems);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expectType(leaf, "boolean", path, problems);
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            expectType(leaf, "integer", path, problems);
        } else {
            problems.add(path + ": no JSON mapping known for " + javaType.getTypeName() + "; teach ContractSchemaTest");
        }
    }

    private static void compareEnum(Class<?> enumClass, SchemaSet.Located schema, String path, List<String> problems) {
        expectType(schema, "string", path, problems);
        Set<String> constants = Arrays.stream(enumClass.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> values = new TreeSet<>();
        schema.node().path("enum").forEach(value -> values.add(value.asText()));
        if (!constants.equals(values)) {
            problems.add(path + ": " + schema + " lists " + values + " but " + enumClass.getSimpleName() + " has " + constants);
        }
    }

    private static void expectType(SchemaSet.Located schema, String type, String path, List<String> problems) {
        if (!schema.node().path("type").asText().equals(type)) {
            problems.add(path + ": " + schema + " must have type " + type + ", has " + schema.node().path("type"));
        }
    }

    /**
     * The components a record's canonical constructor insists on: primitives, and every component whose
     * {@code null} makes the constructor throw a NullPointerException (found by nulling one component
     * of a fully populated instance at a time).
     */
    private static Set<String> requiredComponents(Class<?> recordClass) {
        Object sample = FULL_INSTANCES.get(recordClass);
        assertThat(sample).as("a full sample of %s", recordClass.getSimpleName()).isNotNull();
        RecordComponent[] components = recordClass.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = read(components[i], sample);
            types[i] = components[i].getType();
        }
        Set<String> required = new TreeSet<>();
        try {
            Constructor<?> constructor = recordClass.getDeclaredConstructor(types);
            for (int i = 0; i < components.length; i++) {
                if (types[i].isPrimitive()) {
                    required.add(components[i].getName());
                    continue;
                }
                Object[] withNull = values.clone();
                withNull[i] = null;
                try {
                    constructor.newInstance(withNull);
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof NullPointerException)) {
                        throw new AssertionError("nulling " + components[i].getName() + " of " + recordClass.getSimpleName()
                                + " failed otherwise than with a NullPointerException", e.getCause());
                    }
                    required.add(components[i].getName());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return required;
    }

    // ---------------------------------------------------------------- sample checks

    private static void checkFullyPopulated(Object value, JsonNode json, String path, List<String> problems) {
        if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                problems.add(path + ": a full sample has no empty lists");
            }
            for (int i = 0; i < list.size(); i++) {
                checkFullyPopulated(list.get(i), json.path(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (!value.getClass().isRecord()) {
            return;
        }
        Set<String> componentNames = new TreeSet<>();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            componentNames.add(component.getName());
            Object componentValue = read(component, value);
            if (componentValue == null) {
                problems.add(path + "." + component.getName() + " is null in a full sample");
            } else {
                checkFullyPopulated(componentValue, json.path(component.getName()), path + "." + component.getName(), problems);
            }
        }
        if (!names(json).equals(componentNames)) {
            problems.add(path + ": Json.mapper() wrote " + names(json) + " for components " + componentNames);
        }
    }

    private static void checkMinimal(Object value, String path, List<String> problems) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                checkMinimal(list.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        Set<String> required = requiredComponents(value.getClass());
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object componentValue = read(component, value);
            boolean absent = componentValue == null || (componentValue instanceof List<?> list && list.isEmpty());
            if (!required.contains(component.getName()) && !absent) {
                problems.add(path + "." + component.getName() + " is optional but set in a minimal sample");
            }
            checkMinimal(componentValue, path + "." + component.getName(), problems);
        }
    }

    // ---------------------------------------------------------------- reflection helpers

    private static Map<Class<?>, Object> fullInstances() {
        Map<Class<?>, Object> instances = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            collectInstances(Samples.full(type), instances);
        }
        return instances;
    }

    private static void collectInstances(Object value, Map<Class<?>, Object> instances) {
        if (value instanceof List<?> list) {
            list.forEach(element -> collectInstances(element, instances));
        } else if (value != null && value.getClass().isRecord()) {
            instances.putIfAbsent(value.getClass(), value);
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                collectInstances(read(component, value), instances);
            }
        }
    }

    private static void collectTypes(Type type, Set<Class<?>> found) {
        Class<?> raw = raw(type);
        if (List.class.equals(raw)) {
            collectTypes(((ParameterizedType) type).getActualTypeArguments()[0], found);
        } else if ((raw.isRecord() || raw.isEnum()) && found.add(raw) && raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                collectTypes(component.getGenericType(), found);
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new AssertionError("unsupported component type " + type.getTypeName());
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
