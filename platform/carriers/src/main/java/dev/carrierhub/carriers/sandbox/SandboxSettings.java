package dev.carrierhub.carriers.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how {@link SandboxConnector} reaches the sandbox carrier.
 *
 * @param baseUri the sandbox's base URI, e.g. {@code http://127.0.0.1:8089}; a path prefix is kept
 * @param apiKey  the bearer token, or null when the sandbox requires none
 * @param timeout the limit for connecting and, separately, for each whole request
 */
public record SandboxSettings(URI baseUri, String apiKey, Duration timeout) {
    public SandboxSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        if (!baseUri.isAbsolute() || baseUri.getHost() == null) {
            throw new IllegalArgumentException("baseUri must be an absolute http(s) URI, was " + baseUri);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
    }

    /** Leaves the API key out, so settings can be logged. */
    @Override
    public String toString() {
        return "SandboxSettings[baseUri=" + baseUri + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", timeout=" + timeout + "]";
    }
}
