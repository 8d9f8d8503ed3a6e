package dev.carrierhub.carriers.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SandboxCarrierServer} is set up. Start from {@link #defaults(String)} and change what a
 * test needs with the {@code with*} methods.
 *
 * @param host                 the address to bind, loopback unless the sandbox must be reached from elsewhere
 * @param port                 the port to bind; 0 picks a free one
 * @param webhookSecret        the secret tracking callbacks are signed with
 * @param apiKey               the bearer token {@code /v1} and {@code /admin} require; null lets every request in
 * @param callbackDelay        the pause before each scripted tracking callback
 * @param callbackRetryBackoff the wait before the first re-delivery of a refused callback, doubled each time
 * @param callbackMaxRetries   how often a refused callback is re-delivered before it is given up
 * @param maxHang              the longest a request is held while {@link SandboxBehaviour#hang()} is on
 * @param workerThreads        the size of the pool that serves requests
 * @param randomSeed           the seed of {@link SandboxBehaviour}'s random failures
 */
public record SandboxServerConfig(
        String host,
        int port,
        String webhookSecret,
        String apiKey,
        Duration callbackDelay,
        Duration callbackRetryBackoff,
        int callbackMaxRetries,
        Duration maxHang,
        int workerThreads,
        long randomSeed) {

    public SandboxServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        if (webhookSecret == null || webhookSecret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        requirePositive("callbackDelay", callbackDelay);
        requirePositive("callbackRetryBackoff", callbackRetryBackoff);
        requirePositive("maxHang", maxHang);
        if (callbackMaxRetries < 0) {
            throw new IllegalArgumentException("callbackMaxRetries must not be negative, was " + callbackMaxRetries);
        }
        if (workerThreads < 1) {
            throw new IllegalArgumentException("workerThreads must be at least 1, was " + workerThreads);
        }
    }

    /** Loopback, a free port, no API key, callbacks 100 ms apart and re-delivered up to 5 times. */
    public static SandboxServerConfig defaults(String webhookSecret) {
        return new SandboxServerConfig(
                "127.0.0.1", 0, webhookSecret, null,
                Duration.ofMillis(100), Duration.ofMillis(200), 5,
                Duration.ofSeconds(60), 16, 42L);
    }

    public SandboxServerConfig withHost(String host) {
        return new SandboxServerConfig(host, port, webhookSecret, apiKey, callbackDelay, callbackRetryBackoff,
                callbackMaxRetries, maxHang, workerThreads, randomSeed);
    }

    public SandboxServerConfig withPort(int port) {
        return new SandboxServerConfig(host, port, webhookSecret, apiKey, callbackDelay, callbackRetryBackoff,
                callbackMaxRetries, maxHang, workerThreads, randomSeed);
    }

    public SandboxServerConfig withApiKey(String apiKey) {
        return new SandboxServerConfig(host, port, webhookSecret, apiKey, callbackDelay, callbackRetryBackoff,
                callbackMaxRetries, maxHang, workerThreads, randomSeed);
    }

    public SandboxServerConfig withCallbackDelay(Duration callbackDelay) {
        return new SandboxServerConfig(host, port, webhookSecret, apiKey, callbackDelay, callbackRetryBackoff,
                callbackMaxRetries, maxHang, workerThreads, randomSeed);
    }

    public SandboxServerConfig withCallbackRetries(int callbackMaxRetries, Duration callbackRetryBackoff) {
        return new SandboxServerConfig(host, port, webhookSecret, apiKey, callbackDelay, callbackRetryBackoff,
                callbackMaxRetries, maxHang, workerThreads, randomSeed);
    }

    public SandboxServerConfig withMaxHang(Duration maxHang) {
        return new SandboxServerConfig(host, port, webhookSecret, apiKey, callbackDelay, callbackRetryBackoff,
                callbackMaxRetries, maxHang, workerThreads, randomSeed);
    }

    public SandboxServerConfig withWorkerThreads(int workerThreads) {
        return new SandboxServerConfig(host, port, webhookSecret, apiKey, callbackDelay, callbackRetryBackoff,
                callbackMaxRetries, maxHang, workerThreads, randomSeed);
    }

    public SandboxServerConfig withRandomSeed(long randomSeed) {
        return new SandboxServerConfig(host, port, webhookSecret, apiKey, callbackDelay, callbackRetryBackoff,
                callbackMaxRetries, maxHang, workerThreads, randomSeed);
    }

    /** Leaves the secret and the API key out, so a config can be logged. */
    @Override
    public String toString() {
        return "SandboxServerConfig[host=" + host + ", port=" + port + ", webhookSecret=***, apiKey="
                + (apiKey == null ? "none" : "***") + ", callbackDelay=" + callbackDelay
                + ", callbackRetryBackoff=" + callbackRetryBackoff + ", callbackMaxRetries=" + callbackMaxRetries
                + ", maxHang=" + maxHang + ", workerThreads=" + workerThreads + ", randomSeed=" + randomSeed + "]";
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
