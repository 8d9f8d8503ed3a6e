package dev.carrierhub.tracking.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Verified callbacks as received. */
@ApplicationScoped
public class TrackingCallbackRepository implements PanacheRepositoryBase<TrackingCallback, UUID> {
}
