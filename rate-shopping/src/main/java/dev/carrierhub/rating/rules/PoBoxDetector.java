package dev.carrierhub.rating.rules;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a PO box in a street line, in the forms our customers' countries write it: "PO Box 12",
 * "P.O. Box", "Post Office Box", "POB 12", "Postfach 12 34", "BP 45" / "B.P. 45" (boîte postale),
 * "Boîte postale", "Case postale", "Casella postale", "Apartado (de correos) 12", "Postbus 12", "Postboks 12".
 * Words that merely contain these letters ("Boxhagener Str.", "BP Tankstelle", "Postfachweg") are not PO boxes.
 */
public final class PoBoxDetector {
    private static final List<Pattern> PATTERNS = List.of(
            // PO Box, P.O. Box, P O Box, POBox, Post Office Box
            Pattern.compile("\\bp(?:ost)?\\s*\\.?\\s*o(?:ffice)?\\s*\\.?\\s*box\\b"),
            Pattern.compile("\\bpob\\s*\\.?\\s*\\d"),
            Pattern.compile("\\bpostfach\\b"),
            // Boîte postale abbreviated: only with a number, since "BP" alone is also a company.
            Pattern.compile("\\bb\\s*\\.?\\s*p\\s*\\.?\\s*\\d"),
            Pattern.compile("\\b(?:boite|case|casella)\\s+postale\\b"),
            Pattern.compile("\\bapartado\\s+(?:de\\s+correos\\s+)?(?:n[o°º]?\\.?\\s*)?\\d"),
            Pattern.compile("\\bpost(?:bus|boks)\\s*\\d"));

    private PoBoxDetector() {
    }

    /** The words that make {@code line} a PO box, or empty when it is not one (or absent). */
    public static Optional<String> find(String line) {
        if (line == null || line.isBlank()) {
            return Optional.empty();
        }
        String folded = fold(line);
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(folded);
            if (matcher.find()) {
                return Optional.of(matcher.group().trim());
            }
        }
        return Optional.empty();
    }

    public static boolean isPoBox(String line) {
        return find(line).isPresent();
    }

    /** Lower case without accents, so "Boîte" and "BOITE" read alike. */
    private static String fold(String line) {
        return Normalizer.normalize(line, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
