package dev.carrierhub.carriers.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/** The sandbox's running counts, read as a {@link SandboxStats} snapshot. */
final class SandboxCounters {
    final AtomicLong rateRequests = new AtomicLong();
    final AtomicLong bookingRequests = new AtomicLong();
    final AtomicLong voids = new AtomicLong();
    final AtomicLong callbacksDelivered = new AtomicLong();
    final AtomicLong callbacksFailed = new AtomicLong();
    final AtomicLong callbackRetries = new AtomicLong();

    SandboxStats snapshot(long bookings) {
        return new SandboxStats(
                bookings,
                bookingRequests.get(),
                voids.get(),
                rateRequests.get(),
                callbacksDelivered.get(),
                callbacksFailed.get(),
                callbackRetries.get());
    }
}
