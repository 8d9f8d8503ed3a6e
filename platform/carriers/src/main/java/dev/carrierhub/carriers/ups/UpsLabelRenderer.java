package dev.carrierhub.carriers.ups;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Puts a UPS label image (GIF or PNG) on a one-page 4×6 in PDF. UPS draws its image labels lying on their
 * side (e.g. 1400×800 px), so the image is turned a quarter clockwise to stand upright, and scaled to fit
 * the page without distortion.
 */
final class UpsLabelRenderer {
    static final float PAGE_WIDTH = 4 * 72f;
    static final float PAGE_HEIGHT = 6 * 72f;

    private UpsLabelRenderer() {
    }

    /**
     * @throws IOException if the bytes are not an image the JDK can read
     */
    static byte[] toPdf(byte[] image) throws IOException {
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image));
        if (picture == null) {
            throw new IOException("not a GIF or PNG image");
        }
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(PAGE_WIDTH, PAGE_HEIGHT));
            document.addPage(page);
            PDImageXObject xObject = LosslessFactory.createFromImage(document, picture);
            boolean lying = picture.getWidth() > picture.getHeight();
            // Size on the page once turned upright.
            float uprightWidth = lying ? picture.getHeight() : picture.getWidth();
            float uprightHeight = lying ? picture.getWidth() : picture.getHeight();
            float scale = Math.min(PAGE_WIDTH / uprightWidth, PAGE_HEIGHT / uprightHeight);
            float width = uprightWidth * scale;
            float height = uprightHeight * scale;
            float left = (PAGE_WIDTH - width) / 2;
            float bottom = (PAGE_HEIGHT - height) / 2;
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                if (lying) {
                    // Maps the image's unit square turned a quarter clockwise: its left edge becomes the top.
                    content.drawImage(xObject, new Matrix(0, -height, width, 0, left, bottom + height));
                } else {
                    content.drawImage(xObject, new Matrix(width, 0, 0, height, left, bottom));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
