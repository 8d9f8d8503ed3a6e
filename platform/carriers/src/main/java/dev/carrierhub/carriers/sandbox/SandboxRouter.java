package dev.carrierhub.carriers.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;

/**
 * Takes every request: applies the misbehaviour switches and the API key the way a carrier's edge would
 * (outage, then authentication, then rate limit, then latency or hang, then random 500s), and routes the
 * rest to its endpoint.
 *
 * <p>Latency and hangs park the exchange on the scheduler rather than sleeping on a worker, so a slow
 * sandbox still serves many concurrent clients with few threads, and {@code /admin} always gets a worker.
 */
final class SandboxRouter implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(SandboxRouter.class.getName());

    private final List<Route> routes;
    private final SandboxBehaviour behaviour;
    private final byte[] expectedAuthorization;
    private final Executor workers;
    private final ScheduledExecutorService scheduler;
    private final Duration maxHang;

    SandboxRouter(
            List<Route> routes,
            SandboxBehaviour behaviour,
            String apiKey,
            Executor workers,
            ScheduledExecutorService scheduler,
            Duration maxHang) {
        this.routes = List.copyOf(routes);
        this.behaviour = behaviour;
        this.expectedAuthorization = apiKey == null ? null : ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        this.workers = workers;
        this.scheduler = scheduler;
        this.maxHang = maxHang;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            ApiRequest request = ApiRequest.read(exchange);
            boolean admin = request.path().startsWith("/admin/");
            if (!admin && behaviour.outage()) {
                send(exchange, ApiReply.error(503, "service_unavailable", "the carrier is down (outage switch)", null));
            } else if (!authorized(request)) {
                send(exchange, ApiReply.error(401, "unauthorized", "missing or invalid API key", null)
                        .withHeader("WWW-Authenticate", "Bearer"));
            } else if (admin) {
                send(exchange, serve(request));
            } else if (behaviour.drawRateLimit()) {
                send(exchange, ApiReply.error(429, "rate_limited", "too many requests (rate-limit switch)", null)
                        .withHeader("Retry-After", Long.toString(wholeSeconds(behaviour.retryAfter()))));
            } else {
                delayThenFinish(exchange, request);
            }
        } catch (ApiError refused) {
            send(exchange, refused.reply());
        } catch (IOException clientGone) {
            exchange.close();
        } catch (RuntimeException bug) {
            LOG.log(Level.ERROR, "sandbox request failed", bug);
            send(exchange, ApiReply.error(500, "internal_error", "unexpected sandbox error", null));
        }
    }

    private void delayThenFinish(HttpExchange exchange, ApiRequest request) {
        AtomicBoolean resumed = new AtomicBoolean();
        Runnable resume = () -> {
            if (resumed.compareAndSet(false, true)) {
                submit(exchange, request);
            }
        };
        // A discarded request is closed unanswered; the flag also keeps the max-hang timer from serving it later.
        Runnable discard = () -> {
            if (resumed.compareAndSet(false, true)) {
                exchange.close();
            }
        };
        if (behaviour.hold(request.method() + " " + request.path(), resume, discard)) {
            later(resume, maxHang);
            return;
        }
        Duration latency = behaviour.latency();
        if (latency.isZero()) {
            finish(exchange, request);
        } else {
            later(resume, latency);
        }
    }

    private void later(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // The server is stopping; its exchanges are being closed anyway.
        }
    }

    private void submit(HttpExchange exchange, ApiRequest request) {
        try {
            workers.execute(() -> finish(exchange, request));
        } catch (RejectedExecutionException full) {
            send(exchange, ApiReply.error(503, "overloaded", "the sandbox has no free worker", null));
        }
    }

    private void finish(HttpExchange exchange, ApiRequest request) {
        if (behaviour.drawFailure()) {
            send(exchange, ApiReply.error(500, "internal_error", "the carrier failed (failure-rate switch)", null));
        } else {
            send(exchange, serve(request));
        }
    }

    /** The endpoint's reply, or 404/405 when no route takes the request. */
    ApiReply serve(ApiRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(request.path());
            if (!matcher.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(request.method())) {
                try {
                    return route.endpoint().handle(request, groups(matcher));
                } catch (ApiError refused) {
                    return refused.reply();
                } catch (RuntimeException bug) {
                    LOG.log(Level.ERROR, "sandbox endpoint failed: " + request.method() + " " + request.path(), bug);
                    return ApiReply.error(500, "internal_error", "unexpected sandbox error", null);
                }
            }
        }
        return pathKnown
                ? ApiReply.error(405, "method_not_allowed", request.method() + " is not allowed here", null)
                : ApiReply.error(404, "not_found", "no such endpoint", null);
    }

    private boolean authorized(ApiRequest request) {
        if (expectedAuthorization == null) {
            return true;
        }
        byte[] given = request.header("Authorization").orElse("").getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expectedAuthorization, given);
    }

    private static void send(HttpExchange exchange, ApiReply reply) {
        try {
            byte[] body = reply.body() == null ? new byte[0] : SandboxJson.MAPPER.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException clientGone) {
            // Nothing to answer to: the client closed the connection (e.g. it timed out during a hang).
        } finally {
            exchange.close();
        }
    }

    private static List<String> groups(Matcher matcher) {
        List<String> groups = new ArrayList<>(matcher.groupCount());
        for (int i = 1; i <= matcher.groupCount(); i++) {
            groups.add(matcher.group(i));
        }
        return groups;
    }

    private static long wholeSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }
}
