package dev.carrierhub.core.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ReadableBytesTest {

    @Test
    void utf8JsonIsShownAsText() {
        String json = "{\"shipmentId\": \"shp-1\",\n \"city\": \"Zürich\"}";

        ReadableBytes.Rendered rendered = ReadableBytes.render(json.getBytes(StandardCharsets.UTF_8), 1024);

        assertThat(rendered).isEqualTo(new ReadableBytes.Rendered("text", json,
                json.getBytes(StandardCharsets.UTF_8).length, false));
    }

    @Test
    void bytesThatAreNotUtf8OrCarryControlCharactersAreShownAsBase64() {
        byte[] latin1 = "Zürich".getBytes(StandardCharsets.ISO_8859_1);
        byte[] binary = {0x00, 0x01, 0x02, 'a'};

        assertThat(ReadableBytes.render(latin1, 1024))
                .isEqualTo(new ReadableBytes.Rendered("base64", Base64.getEncoder().encodeToString(latin1), 6, false));
        assertThat(ReadableBytes.render(binary, 1024).encoding()).isEqualTo("base64");
    }

    @Test
    void aLongValueIsCutAtTheBoundWithoutSplittingACharacter() {
        byte[] text = "ab€cd".getBytes(StandardCharsets.UTF_8); // € takes three bytes

        assertThat(ReadableBytes.render(text, 4)).isEqualTo(new ReadableBytes.Rendered("text", "ab", 7, true));
        assertThat(ReadableBytes.render(text, 5)).isEqualTo(new ReadableBytes.Rendered("text", "ab€", 7, true));
        byte[] binary = {(byte) 0xff, 1, 2, 3, 4, 5};
        assertThat(ReadableBytes.render(binary, 3)).isEqualTo(new ReadableBytes.Rendered("base64",
                Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 1, 2}), 6, true));
    }

    @Test
    void noValueIsNoContentAndAnEmptyValueIsEmptyText() {
        assertThat(ReadableBytes.render(null, 10)).isEqualTo(new ReadableBytes.Rendered("text", null, 0, false));
        assertThat(ReadableBytes.render(new byte[0], 10)).isEqualTo(new ReadableBytes.Rendered("text", "", 0, false));
    }
}
