package dev.carrierhub.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {
    @Test
    void everyTopicHasOneEventType() throws Exception {
        List<String> topics = topicConstants();
        assertThat(topics).contains(Topics.LABEL_DEFERRED, Topics.SHIPMENT_VOIDED).doesNotHaveDuplicates();

        Set<String> eventTopics = Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet());

        assertThat(eventTopics)
                .hasSize(EventType.values().length)
                .containsExactlyInAnyOrderElementsOf(topics);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void ceTypeIsTheVersionedTopicUnderTheCarrierHubNamespace(EventType type) {
        assertThat(type.ceType())
                .isEqualTo("dev.carrierhub." + type.topic() + ".v1")
                .matches("dev\\.carrierhub\\.[a-z]+(\\.[a-z]+(-[a-z]+)*)+\\.v[1-9][0-9]*");
        assertThat(EventType.ofCeType(type.ceType())).contains(type);
    }

    @Test
    void unknownCeTypeIsNoEventType() {
        assertThat(EventType.ofCeType("dev.carrierhub.shipment.requested.v2")).isEmpty();
        assertThat(EventType.ofCeType("shipment.requested")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadTypeMapsBackToItsEventType(EventType type) {
        assertThat(EventType.of(type.payloadType())).isEqualTo(type);
        assertThat(type.payloadType().isRecord()).isTrue();
    }

    @Test
    void everyPayloadTypeIsCarriedByOneTopic() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::payloadType)).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaResourceExistsOnTheClassPath(EventType type) {
        assertThat(type.schemaResource()).isEqualTo("schemas/" + type.topic() + ".v1.schema.json");
        assertThat(Thread.currentThread().getContextClassLoader().getResource(type.schemaResource()))
                .as(type.schemaResource())
                .isNotNull();
    }

    @Test
    void deadLetterTopicIsNamedAfterItsTopic() {
        assertThat(Topics.deadLetter(Topics.SHIPMENT_REQUESTED)).isEqualTo("shipment.requested.dlq");
    }

    private static List<String> topicConstants() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                    && field.getType() == String.class) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }
}
