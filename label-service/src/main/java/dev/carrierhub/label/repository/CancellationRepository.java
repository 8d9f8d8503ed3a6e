package dev.carrierhub.label.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Cancellations waiting for their shipment's booking. */
@ApplicationScoped
public class CancellationRepository implements PanacheRepositoryBase<Cancellation, String> {
}
