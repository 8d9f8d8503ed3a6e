package dev.carrierhub.carriers.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Draws one parcel's shipping label as a one-page A6 PDF: carrier, service, tracking number, ship-to
 * name, city and country, and the parcel reference.
 *
 * <p>The page uses the standard Helvetica fonts, which a PDF names but never embeds, so a label stays
 * around 1 KB. They are declared as plain font dictionaries and the page content is written as PDF
 * operators, rather than through {@code PDType1Font}: that class maps every standard font onto an
 * installed system font when constructed (for rendering we never do), which scans the machine's fonts
 * into a cache in the home directory and logs a fallback warning for every label.
 *
 * <p>The output depends on its input alone (the document id is derived from it), so a replayed booking
 * returns the very same bytes.
 */
final class LabelRenderer {
    private static final int MAX_LINE = 40;
    private static final float MARGIN = 18;
    private static final COSName REGULAR = COSName.getPDFName("F1");
    private static final COSName BOLD = COSName.getPDFName("F2");

    byte[] render(Booking booking, int parcelIndex) {
        ParsedShipment shipment = booking.shipment();
        ParsedShipment.Parcel parcel = shipment.parcels().get(parcelIndex);
        PDRectangle size = PDRectangle.A6;
        float width = size.getWidth();
        float top = size.getHeight() - MARGIN;
        Operators page = new Operators()
                .strokeRect(MARGIN / 2, MARGIN / 2, width - MARGIN, top)
                .text(BOLD, 16, top - 20, "SANDBOX CARRIER")
                .text(REGULAR, 10, top - 38, "Service: " + booking.tariff().serviceCode())
                .text(REGULAR, 9, top - 70, "SHIP TO")
                .text(BOLD, 12, top - 86, shipment.shipToName())
                .text(REGULAR, 12, top - 102, shipment.shipToCity() + ", " + shipment.shipToCountry())
                .bars(top - 190, 60, booking.trackingNumber())
                .text(BOLD, 14, top - 215, booking.trackingNumber())
                .text(REGULAR, 10, top - 240, "Parcel " + (parcelIndex + 1) + " of " + shipment.parcels().size()
                        + "  ref " + parcel.reference())
                .text(REGULAR, 10, top - 254, parcel.kilograms().toPlainString() + " kg")
                .text(REGULAR, 7, MARGIN, "Sandbox label - not valid for carriage");
        try (PDDocument document = new PDDocument()) {
            document.setDocumentId((long) booking.trackingNumber().hashCode() * 1_000 + parcelIndex);
            PDPage pdfPage = new PDPage(size);
            pdfPage.setResources(fonts());
            PDStream content = new PDStream(document);
            try (OutputStream out = content.createOutputStream(COSName.FLATE_DECODE)) {
                out.write(page.bytes());
            }
            pdfPage.setContents(content);
            document.addPage(pdfPage);
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render a sandbox label", e);
        }
    }

    private static PDResources fonts() {
        COSDictionary fonts = new COSDictionary();
        fonts.setItem(REGULAR, standardFont("Helvetica"));
        fonts.setItem(BOLD, standardFont("Helvetica-Bold"));
        PDResources resources = new PDResources();
        resources.getCOSObject().setItem(COSName.FONT, fonts);
        return resources;
    }

    private static COSDictionary standardFont(String baseFont) {
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE1);
        font.setName(COSName.BASE_FONT, baseFont);
        font.setItem(COSName.ENCODING, COSName.WIN_ANSI_ENCODING);
        return font;
    }

    /**
     * The standard fonts only know WinAnsi characters: accents are dropped (Zoë → Zoe) and anything else
     * becomes '?', so a name in any script still yields a label instead of an exception.
     */
    static String printable(String text) {
        String stripped = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(Math.min(stripped.length(), MAX_LINE));
        stripped.codePoints().limit(MAX_LINE).forEach(cp -> out.append(cp >= 0x20 && cp < 0x7F ? (char) cp : '?'));
        return out.toString();
    }

    /** The page's content stream, written as PDF operators (ISO 32000-1 §8–9). */
    private static final class Operators {
        private final StringBuilder ops = new StringBuilder(1024);

        Operators strokeRect(float x, float y, float w, float h) {
            ops.append(String.format(Locale.ROOT, "1 w %.2f %.2f %.2f %.2f re S%n", x, y, w, h));
            return this;
        }

        /** Bars that look like a barcode, drawn from the tracking number's bits; not a scannable symbology. */
        Operators bars(float y, float height, String value) {
            float x = MARGIN;
            for (char c : value.toCharArray()) {
                for (int bit = 0; bit < 4; bit++) {
                    float bar = ((c >> bit) & 1) == 1 ? 2.5f : 1f;
                    ops.append(String.format(Locale.ROOT, "%.2f %.2f %.2f %.2f re f%n", x, y, bar, height));
                    x += bar + 1.5f;
                }
            }
            return this;
        }

        Operators text(COSName font, float fontSize, float y, String text) {
            ops.append(String.format(Locale.ROOT, "BT /%s %.1f Tf %.2f %.2f Td (%s) Tj ET%n",
                    font.getName(), fontSize, MARGIN, y, escape(printable(text))));
            return this;
        }

        byte[] bytes() {
            return ops.toString().getBytes(StandardCharsets.US_ASCII);
        }

        /** Backslash and parentheses delimit PDF literal strings, so they are escaped inside one. */
        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        }
    }
}
