package dev.carrierhub.carriers.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The booking calls the sandbox served, oldest first: every booking ({@code POST /v1/shipments}) and every
 * look-up by idempotency key ({@code GET /v1/shipments?idempotency_key=}), with its key and the status it was
 * answered with. The ledger shows which bookings exist; this log shows how a client got there, e.g. whether a
 * retry looked its booking up or booked again (a replayed booking is one booking, but two booking calls).
 *
 * <p>A request a hang held is logged once it is served; one dropped by {@link SandboxBehaviour#discardHeld()}
 * never is, since the carrier never acted on it. Thread-safe; keeps the most recent {@code capacity} calls.
 */
public final class BookingCallLog {
    /** Enough for any test; a long benchmark keeps only its most recent calls. */
    static final int DEFAULT_CAPACITY = 100_000;

    /** The two calls a client makes about a booking, named after the connector operations that make them. */
    public enum Operation {
        /** {@code POST /v1/shipments} with an {@code Idempotency-Key} header. */
        SHIP,
        /** {@code GET /v1/shipments?idempotency_key=K}. */
        FIND_BOOKING;

        String keyOf(ApiRequest request) {
            return switch (this) {
                case SHIP -> request.header(ShipmentsEndpoint.IDEMPOTENCY_KEY).map(String::trim).orElse("");
                case FIND_BOOKING -> request.query().getOrDefault("idempotency_key", "");
            };
        }
    }

    /**
     * One served call.
     *
     * @param idempotencyKey the key the call carried, empty when it carried none
     * @param status         the HTTP status it was answered with: 201 a new booking, 200 a replay or a booking
     *                       found, 404 nothing under that key, 4xx a refusal
     * @param servedAt       when the sandbox answered it
     */
    public record BookingCall(Operation operation, String idempotencyKey, int status, Instant servedAt) {
    }

    private final int capacity;
    private final Clock clock;
    private final Deque<BookingCall> calls = new ArrayDeque<>();

    BookingCallLog(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every call still kept, oldest first. */
    public List<BookingCall> all() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The calls that carried {@code idempotencyKey}, oldest first. */
    public List<BookingCall> forKey(String idempotencyKey) {
        synchronized (calls) {
            return calls.stream().filter(call -> call.idempotencyKey().equals(idempotencyKey)).toList();
        }
    }

    /** {@code endpoint}, logging each request it answers (refusals included) as {@code operation}. */
    Route.Endpoint recording(Operation operation, Route.Endpoint endpoint) {
        return (request, pathParams) -> {
            try {
                ApiReply reply = endpoint.handle(request, pathParams);
                record(operation, operation.keyOf(request), reply.status());
                return reply;
            } catch (ApiError refused) {
                record(operation, operation.keyOf(request), refused.reply().status());
                throw refused;
            }
        };
    }

    void record(Operation operation, String idempotencyKey, int status) {
        BookingCall call = new BookingCall(operation, idempotencyKey, status, clock.instant());
        synchronized (calls) {
            if (calls.size() == capacity) {
                calls.removeFirst();
            }
            calls.addLast(call);
        }
    }
}
