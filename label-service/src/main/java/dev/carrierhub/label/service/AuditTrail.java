package dev.carrierhub.label.service;

import dev.carrierhub.label.repository.Booking;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends booking transitions to the shared audit trail, in the caller's transaction and trace. */
@ApplicationScoped
public class AuditTrail {
    public static final String BOOKING = "booking";

    private final dev.carrierhub.core.audit.AuditTrail trail;

    public AuditTrail(dev.carrierhub.core.audit.AuditTrail trail) {
        this.trail = trail;
    }

    /** Records that a booking went from {@code from} (null when it was created) to {@code to}. */
    public Uni<Void> booking(String shipmentId, Booking.State from, Booking.State to, String detail) {
        return trail.append(BOOKING, shipmentId, from == null ? null : from.name(), to.name(), detail, shipmentId);
    }
}
