package dev.carrierhub.contracts.events;

import java.util.Objects;

/** Where a stored label can be fetched; labels never travel inline through Kafka. */
public record LabelRef(String parcelReference, String format, String url, String sha256, long sizeBytes) {
    public LabelRef {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
    }
}
