package dev.carrierhub.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelTest {

    @Test
    void comparesByContentAndCannotBeChangedFromOutside() {
        byte[] content = {1, 2, 3};
        Label label = new Label("P1", Label.PDF, content);

        content[0] = 9;
        label.content()[1] = 9;

        assertThat(label).isEqualTo(new Label("P1", Label.PDF, new byte[] {1, 2, 3}));
        assertThat(label).hasSameHashCodeAs(new Label("P1", Label.PDF, new byte[] {1, 2, 3}));
        assertThat(label.toString()).contains("3 bytes");
    }
}
