package dev.carrierhub.carriers.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The tracking look-ups ({@code GET /v1/tracking/{trackingNumber}}) the sandbox served, oldest first, with the
 * time each was answered: how a test sees how often, and how fast, a client polls. Thread-safe; keeps the most
 * recent {@code capacity} calls.
 */
public final class TrackingCallLog {
    static final int DEFAULT_CAPACITY = 100_000;

    /** One served look-up and the HTTP status it was answered with. */
    public record TrackingCall(String trackingNumber, int status, Instant servedAt) {
    }

    private final int capacity;
    private final Clock clock;
    private final Deque<TrackingCall> calls = new ArrayDeque<>();

    TrackingCallLog(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every look-up still kept, oldest first. */
    public List<TrackingCall> all() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The look-ups of one tracking number, oldest first. */
    public List<TrackingCall> forTrackingNumber(String trackingNumber) {
        synchronized (calls) {
            return calls.stream().filter(call -> call.trackingNumber().equals(trackingNumber)).toList();
        }
    }

    /** {@code endpoint}, logging each look-up it answers (refusals included). */
    Route.Endpoint recording(Route.Endpoint endpoint) {
        return (request, pathParams) -> {
            try {
                ApiReply reply = endpoint.handle(request, pathParams);
                record(pathParams.get(0), reply.status());
                return reply;
            } catch (ApiError refused) {
                record(pathParams.get(0), refused.reply().status());
                throw refused;
            }
        };
    }

    private void record(String trackingNumber, int status) {
        TrackingCall call = new TrackingCall(trackingNumber, status, clock.instant());
        synchronized (calls) {
            if (calls.size() == capacity) {
                calls.removeFirst();
            }
            calls.addLast(call);
        }
    }
}
