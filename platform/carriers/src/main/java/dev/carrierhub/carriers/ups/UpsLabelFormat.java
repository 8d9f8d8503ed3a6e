package dev.carrierhub.carriers.ups;

import dev.carrierhub.carriers.Label;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The label format an account prints, and what the Ship API is asked for. UPS renders labels as GIF, PNG
 * or ZPL but not as PDF, so {@link #PDF} asks for a GIF and the connector puts it on a 4×6 in PDF page.
 */
public enum UpsLabelFormat {
    GIF("GIF", "GIF"),
    PNG("PNG", Label.PNG),
    ZPL("ZPL", Label.ZPL),
    PDF("GIF", Label.PDF);

    private final String requestCode;
    private final String labelFormat;

    UpsLabelFormat(String requestCode, String labelFormat) {
        this.requestCode = requestCode;
        this.labelFormat = labelFormat;
    }

    /** The {@code LabelSpecification.LabelImageFormat.Code} sent to UPS. */
    public String requestCode() {
        return requestCode;
    }

    /** The {@link Label#format()} of the labels the connector returns. */
    public String labelFormat() {
        return labelFormat;
    }

    /** The format named {@code name}, case-insensitively ({@code pdf}, {@code ZPL} ...). */
    public static Optional<UpsLabelFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(wanted)).findFirst();
    }
}
