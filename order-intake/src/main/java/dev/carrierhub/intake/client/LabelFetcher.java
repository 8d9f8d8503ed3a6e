package dev.carrierhub.intake.client;

import dev.carrierhub.intake.config.WriteBackConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Downloads a label that label-service stored (labels never travel through Kafka) and checks it against
 * the SHA-256 published with it, so Odoo gets exactly the label that was booked.
 */
@ApplicationScoped
public class LabelFetcher {
    /** A label is a page or a few; anything this large is not one. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final WebClient web;
    private final Duration timeout;
    private final List<String> allowedPrefixes;

    public LabelFetcher(Vertx vertx, WriteBackConfig config) {
        this.web = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setUserAgent("carrierhub-order-intake"));
        this.timeout = config.labels().timeout();
        this.allowedPrefixes = config.labels().allowedUrlPrefixes().orElse(List.of());
    }

    /** The label's bytes; fails with a {@link LabelFetchException} that says whether to try again. */
    public Uni<byte[]> fetch(String url, String sha256) {
        return Uni.createFrom().deferred(() -> {
            URI uri = check(url);
            return web.getAbs(uri.toString()).timeout(timeout.toMillis()).send()
                    .ifNoItem().after(timeout.plusSeconds(1)).fail()
                    .onFailure(failure -> !(failure instanceof LabelFetchException))
                    .transform(failure -> new LabelFetchException("label " + url + " could not be fetched: " + failure,
                            true, failure))
                    .map(response -> body(url, response, sha256));
        });
    }

    private URI check(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new LabelFetchException("label URL is not a URL: " + url, false, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new LabelFetchException("label URL is not an absolute http(s) URL: " + url, false, null);
        }
        if (!allowedPrefixes.isEmpty() && allowedPrefixes.stream().noneMatch(url::startsWith)) {
            throw new LabelFetchException("label URL " + url + " is outside carrierhub.writeback.labels.allowed-url-prefixes",
                    false, null);
        }
        return uri;
    }

    static byte[] body(String url, HttpResponse<Buffer> response, String sha256) {
        int status = response.statusCode();
        if (status != 200) {
            // 404: label-service has no such label, which waiting does not change; 5xx, 429: it may.
            boolean transientFailure = status >= 500 || status == 429 || status == 408;
            throw new LabelFetchException("label " + url + " answered HTTP " + status, transientFailure, null);
        }
        Buffer body = response.body();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            throw new LabelFetchException("label " + url + " has " + bytes.length + " bytes", false, null);
        }
        if (sha256 != null && !sha256.isBlank() && !sha256.equalsIgnoreCase(sha256(bytes))) {
            throw new LabelFetchException("label " + url + " does not match its SHA-256 " + sha256, false, null);
        }
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void close() {
        web.close();
    }
}
