package dev.carrierhub.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;

class StoredHeadersTest {

    @Test
    void headersComeBackByteForByteInOrderWithRepeatsAndNulls() {
        List<Header> headers = List.of(
                new RecordHeader("ce_id", "e-1".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("binary", new byte[] {0, (byte) 0xff, (byte) 0xc3, 0x28}),
                new RecordHeader("none", null),
                new RecordHeader("ce_id", "e-2".getBytes(StandardCharsets.UTF_8)));

        String json = StoredHeaders.toJson(headers);
        List<Header> back = StoredHeaders.fromJson(json);

        assertThat(back).extracting(Header::key).containsExactly("ce_id", "binary", "none", "ce_id");
        for (int i = 0; i < headers.size(); i++) {
            assertThat(back.get(i).value()).as(headers.get(i).key()).isEqualTo(headers.get(i).value());
        }
        assertThat(json).startsWith("[{\"name\":\"ce_id\",\"value\":\"ZS0x\"}");
    }

    @Test
    void noHeadersIsAnEmptyList() {
        assertThat(StoredHeaders.toJson(List.of())).isEqualTo("[]");
        assertThat(StoredHeaders.fromJson("[]")).isEmpty();
    }
}
