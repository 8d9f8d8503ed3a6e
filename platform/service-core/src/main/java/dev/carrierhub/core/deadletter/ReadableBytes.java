package dev.carrierhub.core.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Shows bytes to a person: as text when they are UTF-8 text (JSON, a plain message), else as base64, and
 * never more than a bound, so one huge or binary record cannot bloat an operator's listing.
 */
public final class ReadableBytes {
    public static final String TEXT = "text";
    public static final String BASE64 = "base64";

    private ReadableBytes() {
    }

    /**
     * @param encoding {@link #TEXT} or {@link #BASE64}; null content for null bytes
     * @param sizeBytes the size of all the bytes, shown or not
     * @param truncated whether content shows only the first {@code maxBytes}
     */
    public record Rendered(String encoding, String content, int sizeBytes, boolean truncated) {
    }

    public static Rendered render(byte[] bytes, int maxBytes) {
        if (bytes == null) {
            return new Rendered(TEXT, null, 0, false);
        }
        boolean truncated = bytes.length > maxBytes;
        String text = text(bytes);
        if (text != null) {
            return new Rendered(TEXT, truncated ? prefix(text, maxBytes) : text, bytes.length, truncated);
        }
        byte[] shown = truncated ? Arrays.copyOf(bytes, maxBytes) : bytes;
        return new Rendered(BASE64, Base64.getEncoder().encodeToString(shown), bytes.length, truncated);
    }

    /** The bytes as a string when they are valid UTF-8 without control characters other than tab and line breaks. */
    static String text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        boolean printable = text.chars()
                .allMatch(c -> c == '\t' || c == '\n' || c == '\r' || !Character.isISOControl(c));
        return printable ? text : null;
    }

    /** The longest run of whole characters from the start of {@code text} that fits {@code maxBytes} in UTF-8. */
    private static String prefix(String text, int maxBytes) {
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }
}
