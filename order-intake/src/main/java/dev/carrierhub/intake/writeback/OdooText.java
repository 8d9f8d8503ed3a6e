package dev.carrierhub.intake.writeback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text in and out of Odoo's HTML fields. {@code message_post} escapes a plain string body itself, so
 * chatter notes are sent as plain text; an Html field set through {@code create} (an activity's note) is
 * only sanitized, so its text is escaped here first. Reading back, stored HTML is reduced to its text.
 */
public final class OdooText {
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>\\s*<p>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private OdooText() {
    }

    /** Plain text as an HTML paragraph, every special character escaped, line breaks kept. */
    public static String paragraph(String text) {
        return "<p>" + escape(text == null ? "" : text).replace("\r\n", "\n").replace("\n", "<br>") + "</p>";
    }

    /** The text of stored HTML, whitespace collapsed: what a person reads in the chatter. */
    public static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = TAG.matcher(LINE_BREAK.matcher(html).replaceAll(" ")).replaceAll("");
        Matcher entities = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (entities.find()) {
            entities.appendReplacement(out, Matcher.quoteReplacement(unescape(entities.group(1), entities.group())));
        }
        entities.appendTail(out);
        return normalize(out.toString());
    }

    public static String normalize(String text) {
        return text == null ? "" : WHITESPACE.matcher(text.replace('\u00a0', ' ')).replaceAll(" ").strip();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String entity, String whole) {
        try {
            if (entity.startsWith("#x") || entity.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)));
            }
            if (entity.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(entity.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return whole;
        }
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> whole;
        };
    }
}
