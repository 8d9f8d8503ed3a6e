package dev.carrierhub.label.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelMediaTypesTest {

    @Test
    void eachFormatHasItsMediaTypeAndExtension() {
        assertThat(LabelMediaTypes.mediaType("PDF")).isEqualTo("application/pdf");
        assertThat(LabelMediaTypes.mediaType("png")).isEqualTo("image/png");
        assertThat(LabelMediaTypes.mediaType("ZPL")).isEqualTo("text/plain");
        assertThat(LabelMediaTypes.mediaType("EPL2")).isEqualTo("application/octet-stream");
        assertThat(LabelMediaTypes.extension("ZPL")).isEqualTo("zpl");
        assertThat(LabelMediaTypes.extension("pdf")).isEqualTo("pdf");
        assertThat(LabelMediaTypes.extension("EPL2")).isEqualTo("bin");
    }
}
