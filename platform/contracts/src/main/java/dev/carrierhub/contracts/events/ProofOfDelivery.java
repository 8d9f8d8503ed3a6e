package dev.carrierhub.contracts.events;

import java.time.Instant;

/** What the carrier tells about a delivery: who signed, when, where, and a photo link when given. */
public record ProofOfDelivery(String signedBy, Instant deliveredAt, String location, String photoUrl) {
}
