package dev.carrierhub.tracking.config;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.net.URI;

/** The URL a carrier is told to push one carrier's callbacks to: {@code <public-url>/callbacks/<carrier>}. */
@ApplicationScoped
public class CallbackUrls {
    private final TrackingConfig config;
    private final Instance<HttpServer> server;

    public CallbackUrls(TrackingConfig config, Instance<HttpServer> server) {
        this.config = config;
        this.server = server;
    }

    public URI forCarrier(String carrier) {
        String base = config.publicUrl().map(URI::toString)
                // Read when needed, not at start-up: with port 0 (tests) the port is known only once listening.
                .orElseGet(() -> "http://localhost:" + server.get().getPort());
        return URI.create(base.replaceAll("/+$", "") + "/callbacks/" + carrier);
    }
}
