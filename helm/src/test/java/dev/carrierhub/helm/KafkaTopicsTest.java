package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.contracts.EventType;
import dev.carrierhub.contracts.Topics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional Strimzi KafkaTopics: exactly the code's topics, shaped as Strimzi's v1beta2 API wants them. */
class KafkaTopicsTest {
    /** order-intake announces write-backs that need a person here (its application.properties). */
    private static final String WRITEBACK_DEAD_LETTERS = "odoo.writeback.dlq";

    @Test
    void theTopicsAreThoseOfTheContractsWithTheirDeadLetterTopics() {
        List<String> expected = new ArrayList<>(List.of(WRITEBACK_DEAD_LETTERS));
        expected.addAll(Topics.SECOND_CONSUMER_DEAD_LETTERS);
        for (EventType type : EventType.values()) {
            expected.add(type.topic());
            expected.add(Topics.deadLetter(type.topic()));
        }
        List<String> rendered = Rendered.of(ValuesVariant.ALL_FEATURES).ofKind("KafkaTopic").stream()
                .map(t -> t.path("spec").path("topicName").asText()).toList();
        assertThat(rendered).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void eachTopicNamesItsClusterAndIsValidForStrimzi() {
        JsonNode values = ValuesFiles.effective(ValuesVariant.ALL_FEATURES).path("kafka").path("topics");
        assertThat(Rendered.of(ValuesVariant.ALL_FEATURES).ofKind("KafkaTopic")).allSatisfy(topic -> {
            assertThat(topic.path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo(values.path("clusterName").asText());
            assertThat(Rendered.name(topic)).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            assertThat(topic.path("spec").path("partitions").isInt()).isTrue();
            assertThat(topic.path("spec").path("partitions").asInt()).isEqualTo(values.path("partitions").asInt());
            assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(values.path("replicas").asInt());
            assertThat(topic.path("spec").path("config").isObject()).isTrue();
        });
    }

    @Test
    void noTopicIsRenderedUnlessAskedFor() {
        assertThat(Rendered.of(ValuesVariant.DEFAULTS).ofKind("KafkaTopic")).isEmpty();
    }
}
