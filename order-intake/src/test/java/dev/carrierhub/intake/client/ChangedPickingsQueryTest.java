package dev.carrierhub.intake.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangedPickingsQueryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFirstPageAsksForOutgoingPickingsChangedSinceThatAreReadyWithoutTrackingOrCancelled() throws Exception {
        List<Object> domain = ChangedPickingsQuery.domain(Instant.parse("2026-11-26T19:40:00.123Z"), List.of("assigned"), null);

        assertThat(JSON.writeValueAsString(domain)).isEqualTo("[[\"picking_type_code\",\"=\",\"outgoing\"],"
                + "[\"write_date\",\">=\",\"2026-11-26 19:40:00\"],"
                + "\"|\",\"&\",[\"state\",\"=\",\"cancel\"],[\"carrier_id\",\"!=\",false],"
                + "\"&\",\"&\",[\"state\",\"in\",[\"assigned\"]],[\"carrier_id\",\"!=\",false],"
                + "[\"carrier_tracking_ref\",\"=\",false]]");
    }

    @Test
    void laterPagesContinueAfterTheLastRowInWriteDateAndIdOrder() throws Exception {
        ChangedPicking last = new ChangedPicking(13, "WH/OUT/00013", "assigned", Instant.parse("2026-11-26T19:52:17Z"),
                JsonNodeFactory.instance.objectNode());

        String domain = JSON.writeValueAsString(ChangedPickingsQuery.domain(Instant.parse("2026-11-26T19:40:00Z"),
                List.of("assigned", "done"), last));

        assertThat(domain).endsWith(",\"|\",[\"write_date\",\">\",\"2026-11-26 19:52:17\"],"
                + "\"&\",[\"write_date\",\"=\",\"2026-11-26 19:52:17\"],[\"id\",\">\",13]]");
        assertThat(domain).contains("[\"state\",\"in\",[\"assigned\",\"done\"]]");
    }
}
