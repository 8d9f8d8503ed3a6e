package dev.carrierhub.intake.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.odoo.recordings.OdooRecording;
import org.junit.jupiter.api.Test;

class OdooTextTest {

    @Test
    void anActivityNoteIsEscapedHtmlBecauseOdooOnlySanitizesHtmlFields() {
        assertThat(OdooText.paragraph("ZIP <97201> & \"Portland\"\nit's wrong"))
                .isEqualTo("<p>ZIP &lt;97201&gt; &amp; &quot;Portland&quot;<br>it&#39;s wrong</p>");
    }

    @Test
    void storedChatterHtmlReadsBackAsTheTextThatWasPosted() {
        // The recorded read-back of three message_post calls (rpc/writeback.json).
        var messages = OdooRecording.load("rpc/writeback.json").exchanges().stream()
                .filter(e -> "mail.message".equals(e.model())).findFirst().orElseThrow().response().get("result");
        assertThat(OdooText.plain(messages.get(0).get("body").asText()))
                .isEqualTo("Shipping label created. Tracking: 1Z999AA10123456784");
        // An HTML string body is escaped by Odoo: its text is the markup as typed.
        assertThat(OdooText.plain(messages.get(1).get("body").asText())).isEqualTo(
                "<p>Label created: <a href=\"https://www.ups.com/track?tracknum=1Z999AA10123456784\">"
                        + "1Z999AA10123456784</a> &amp; 2 parcels</p>");
    }

    @Test
    void whitespaceAndLineBreaksDoNotMatter() {
        assertThat(OdooText.plain("<p>a<br>b&nbsp; c&#39;d&#x41;</p>")).isEqualTo("a b c'dA");
        assertThat(OdooText.normalize("  a \n b  ")).isEqualTo("a b");
        assertThat(OdooText.plain(OdooText.paragraph("x < y\nz"))).isEqualTo(OdooText.normalize("x < y\nz"));
    }
}
