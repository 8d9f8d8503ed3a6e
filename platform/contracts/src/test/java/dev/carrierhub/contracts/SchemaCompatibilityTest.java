package dev.carrierhub.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.schema.SchemaCompatibilityChecker;
import dev.carrierhub.contracts.schema.SchemaSet;
import org.junit.jupiter.api.Test;

/**
 * The published v1 schemas may only evolve compatibly: a consumer upgraded to the current schemas must
 * still read every event written under the baseline (events stay on the topics and are replayed).
 * src/test/resources/schema-baseline holds the schemas as first released; never edit it to make this test
 * pass. A breaking change is a new v2 event type instead (see the module README).
 */
class SchemaCompatibilityTest {
    private static final SchemaSet BASELINE = SchemaSet.fromClasspathDirectory("schema-baseline");
    private static final SchemaSet CURRENT = SchemaSet.fromClasspathDirectory("schemas");

    @Test
    void currentSchemasAreBackwardCompatibleWithTheBaseline() {
        assertThat(SchemaCompatibilityChecker.check(BASELINE, CURRENT)).isEmpty();
    }

    @Test
    void everyEventSchemaHasABaseline() {
        for (EventType type : EventType.values()) {
            String fileName = ContractSchemaTest.fileName(type);
            assertThat(BASELINE.contains(fileName))
                    .as("copy schemas/%s to schema-baseline/ when it is first released", fileName)
                    .isTrue();
        }
        assertThat(BASELINE.contains(ContractSchemaTest.CANONICAL)).isTrue();
    }
}
