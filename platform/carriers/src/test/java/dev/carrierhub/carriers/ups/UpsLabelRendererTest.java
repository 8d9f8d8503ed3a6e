package dev.carrierhub.carriers.ups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class UpsLabelRendererTest {

    @Test
    void aLyingGifBecomesOneUprightFourBySixInchPage() throws IOException {
        byte[] pdf = UpsLabelRenderer.toPdf(image(1400, 800, "gif"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isEqualTo(288f);
            assertThat(page.getHeight()).isEqualTo(432f);
            assertThat(document.getPage(0).getResources().getXObjectNames()).hasSize(1);
        }
    }

    @Test
    void anUprightPngIsPlacedAsItIs() throws IOException {
        byte[] pdf = UpsLabelRenderer.toPdf(image(400, 600, "png"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void bytesThatAreNoImageAreRefused() {
        assertThatThrownBy(() -> UpsLabelRenderer.toPdf("^XA^XZ".getBytes())).isInstanceOf(IOException.class);
    }

    private static byte[] image(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
