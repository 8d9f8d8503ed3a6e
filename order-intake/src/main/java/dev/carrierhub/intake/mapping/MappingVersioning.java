package dev.carrierhub.intake.mapping;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides whether a proposed mapping value becomes a new version. Versions are never changed or
 * deleted; the highest version is the one in force. Pure.
 *
 * <p>A value equal to the one in force changes nothing (a repeated PUT, a restart with the same
 * configuration). A configuration seed also changes nothing when it equals the last value seeded from
 * configuration: an operator's later change through the admin API then survives restarts, and only an
 * actual change of the configuration supersedes it.
 */
public final class MappingVersioning {
    private MappingVersioning() {
    }

    /** Where a version came from. */
    public enum Source { CONFIG, API }

    /** One stored version of one mapping entry. */
    public record Version<T>(int version, T value, Source source) {
    }

    /** The version number the proposed value gets, or empty if it changes nothing. */
    public static <T> OptionalInt nextVersion(List<Version<T>> history, T proposed, Source source) {
        Objects.requireNonNull(proposed, "proposed");
        Optional<Version<T>> latest = history.stream().max(Comparator.comparingInt(Version::version));
        if (latest.isEmpty()) {
            return OptionalInt.of(1);
        }
        if (latest.get().value().equals(proposed)) {
            return OptionalInt.empty();
        }
        if (source == Source.CONFIG) {
            Optional<Version<T>> lastSeeded = history.stream().filter(v -> v.source() == Source.CONFIG)
                    .max(Comparator.comparingInt(Version::version));
            if (lastSeeded.isPresent() && lastSeeded.get().value().equals(proposed)) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(latest.get().version() + 1);
    }
}
