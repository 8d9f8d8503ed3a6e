package dev.carrierhub.label.rest;

import dev.carrierhub.carriers.Label;
import java.util.Locale;

/**
 * The media type and file extension each label format is served with. ZPL has no registered media type:
 * it is printer command text, served as {@code text/plain} without a charset (the label sets its own
 * encoding with {@code ^CI}), so browsers and curl show it and print tools read the raw bytes.
 */
final class LabelMediaTypes {
    private LabelMediaTypes() {
    }

    static String mediaType(String format) {
        return switch (format.toUpperCase(Locale.ROOT)) {
            case Label.PDF -> "application/pdf";
            case Label.PNG -> "image/png";
            case Label.ZPL -> "text/plain";
            default -> "application/octet-stream";
        };
    }

    static String extension(String format) {
        return switch (format.toUpperCase(Locale.ROOT)) {
            case Label.PDF -> "pdf";
            case Label.PNG -> "png";
            case Label.ZPL -> "zpl";
            default -> "bin";
        };
    }
}
