package dev.carrierhub.carriers.sandbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Issues tracking numbers {@code SBX} + 12 digits, never the same one twice in a server's life. */
final class TrackingNumbers {
    private static final long BOUND = 1_000_000_000_000L;

    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    String next() {
        // Random rather than sequential, so numbers from two sandbox runs do not collide in one database.
        while (true) {
            String candidate = String.format("SBX%012d", ThreadLocalRandom.current().nextLong(BOUND));
            if (issued.add(candidate)) {
                return candidate;
            }
        }
    }
}
