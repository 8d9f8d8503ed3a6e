package dev.carrierhub.label.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.Label;
import dev.carrierhub.label.repository.StoredLabel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelFilingTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void eachLabelBecomesARowWithItsChecksumInTheCarriersOrder() {
        List<StoredLabel> rows = new LabelFiling(1024).file("s-1", List.of(
                new Label("P1", "pdf", "abc".getBytes(StandardCharsets.US_ASCII)),
                new Label("P2", Label.ZPL, "^XA^XZ".getBytes(StandardCharsets.US_ASCII))), NOW);

        assertThat(rows).extracting(row -> row.position).containsExactly(0, 1);
        assertThat(rows).extracting(row -> row.parcelReference).containsExactly("P1", "P2");
        assertThat(rows).extracting(row -> row.format).containsExactly("PDF", "ZPL");
        assertThat(rows.get(0).sha256).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(rows.get(0).sizeBytes).isEqualTo(3);
        assertThat(rows.get(1).content).containsExactly("^XA^XZ".getBytes(StandardCharsets.US_ASCII));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.shipmentId).isEqualTo("s-1");
            assertThat(row.createdAt).isEqualTo(NOW);
            assertThat(row.id).isNotNull();
        });
        assertThat(rows.get(0).id).isNotEqualTo(rows.get(1).id);
    }

    @Test
    void aLabelOverTheLimitIsRefusedOneAtTheLimitIsKept() {
        LabelFiling filing = new LabelFiling(10);

        assertThat(filing.file("s-1", List.of(new Label("P1", Label.PDF, new byte[10])), NOW)).hasSize(1);
        assertThatThrownBy(() -> filing.file("s-1", List.of(new Label("P1", Label.PDF, new byte[3]),
                new Label("P2", Label.PDF, new byte[11])), NOW))
                .isInstanceOf(LabelRejectedException.class)
                .hasMessageContaining("parcel P2").hasMessageContaining("11 bytes").hasMessageContaining("10 bytes");
    }

    @Test
    void noLabelOrAnEmptyOneIsRefused() {
        LabelFiling filing = new LabelFiling(10);

        assertThatThrownBy(() -> filing.file("s-1", List.of(), NOW)).isInstanceOf(LabelRejectedException.class)
                .hasMessageContaining("no label");
        assertThatThrownBy(() -> filing.file("s-1", List.of(new Label("P1", Label.PDF, new byte[0])), NOW))
                .isInstanceOf(LabelRejectedException.class).hasMessageContaining("empty");
    }
}
