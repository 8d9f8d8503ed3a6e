package dev.carrierhub.carriers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class LabelRendererTest {
    private final LabelRenderer renderer = new LabelRenderer();

    private static Booking booking(String shipToName) {
        ParsedShipment shipment = new ParsedShipment("ref-1", shipToName, "Munich", "DE", "Berlin", "DE",
                List.of(new ParsedShipment.Parcel("P1", new BigDecimal("2.500")),
                        new ParsedShipment.Parcel("P2", new BigDecimal("1.000"))),
                "EUR", false, false);
        return new Booking("shp_1", "key-1", 0, "SBX123456789012", SandboxTariff.STANDARD, shipment,
                Instant.parse("2026-11-26T12:00:00Z"));
    }

    @Test
    void drawsAOnePageA6LabelWithTheShipmentsDetails() throws IOException {
        byte[] pdf = renderer.render(booking("Zoë Müller"), 1);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(297f, 298f);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("SANDBOX CARRIER", "SBX_STANDARD", "SBX123456789012", "Zoe Muller",
                    "Munich, DE", "Parcel 2 of 2", "ref P2", "1.000 kg");
        }
        assertThat(pdf.length).isLessThan(4_096);
    }

    @Test
    void rendersTheSameBytesEveryTime() {
        assertThat(renderer.render(booking("Jane Doe"), 0)).isEqualTo(renderer.render(booking("Jane Doe"), 0));
        assertThat(renderer.render(booking("Jane Doe"), 0)).isNotEqualTo(renderer.render(booking("Jane Doe"), 1));
    }

    @Test
    void namesInAnyScriptStillGiveALabel() throws IOException {
        byte[] pdf = renderer.render(booking("山田 太郎 (Yamada) \\ Ünïcödé"), 0);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("?? ?? (Yamada) \\ Unicode");
        }
    }

    @Test
    void printableKeepsAsciiDropsAccentsAndBoundsTheLength() {
        assertThat(LabelRenderer.printable("Zoë Müller")).isEqualTo("Zoe Muller");
        assertThat(LabelRenderer.printable("Łódź")).isEqualTo("?odz");
        assertThat(LabelRenderer.printable("a\nb")).isEqualTo("a?b");
        assertThat(LabelRenderer.printable(null)).isEmpty();
        assertThat(LabelRenderer.printable("x".repeat(100))).hasSize(40);
    }
}
