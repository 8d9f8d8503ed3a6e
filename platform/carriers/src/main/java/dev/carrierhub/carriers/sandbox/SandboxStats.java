package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the sandbox has done so far, as served by {@code GET /admin/stats}.
 *
 * @param bookings           distinct bookings, one per idempotency key
 * @param bookingRequests    {@code POST /v1/shipments} requests, replays and refusals included
 * @param voids              labels voided (a repeated void is not counted)
 * @param rateRequests       {@code POST /v1/rates} requests
 * @param callbacksDelivered tracking callbacks the receiver accepted (2xx)
 * @param callbacksFailed    tracking callbacks given up after every retry
 * @param callbackRetries    re-deliveries of refused or unreachable callbacks
 */
public record SandboxStats(
        long bookings,
        long bookingRequests,
        long voids,
        long rateRequests,
        long callbacksDelivered,
        long callbacksFailed,
        long callbackRetries) {

    ObjectNode toJson() {
        return SandboxJson.MAPPER.createObjectNode()
                .put("bookings", bookings)
                .put("booking_requests", bookingRequests)
                .put("voids", voids)
                .put("rate_requests", rateRequests)
                .put("callbacks_delivered", callbacksDelivered)
                .put("callbacks_failed", callbacksFailed)
                .put("callback_retries", callbackRetries);
    }
}
