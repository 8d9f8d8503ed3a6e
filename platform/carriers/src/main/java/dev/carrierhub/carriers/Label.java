package dev.carrierhub.carriers;

import java.util.Arrays;
import java.util.Objects;

/** The printable label of one parcel, in one of the formats {@code PDF}, {@code ZPL} or {@code PNG}. */
public record Label(String parcelReference, String format, byte[] content) {
    public static final String PDF = "PDF";
    public static final String ZPL = "ZPL";
    public static final String PNG = "PNG";

    public Label {
        Objects.requireNonNull(format, "format");
        // Copied in and out: a record hands out its array, and a label must not change after booking.
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Label that
                && Objects.equals(parcelReference, that.parcelReference)
                && format.equals(that.format)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parcelReference, format, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Label[parcelReference=" + parcelReference + ", format=" + format + ", " + content.length + " bytes]";
    }
}
