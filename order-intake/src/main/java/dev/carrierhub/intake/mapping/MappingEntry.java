package dev.carrierhub.intake.mapping;

import dev.carrierhub.intake.mapping.MappingVersioning.Source;
import java.time.Instant;

/**
 * One version of one mapping entry as the admin API shows it. {@code value} is a {@link CarrierService},
 * a ship-from {@code Address} or a {@link DefaultParcel}, depending on {@code kind}.
 */
public record MappingEntry(MappingKind kind, String key, int version, Instant validFrom, String changedBy,
        Source source, Object value) {
}
