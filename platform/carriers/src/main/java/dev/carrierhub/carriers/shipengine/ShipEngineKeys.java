package dev.carrierhub.carriers.shipengine;

import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Where ShipEngine's webhook signing keys are found, by key id ({@link ShipEngineJwks} in production). */
public interface ShipEngineKeys {

    /**
     * The public key ShipEngine publishes under {@code keyId}, or empty when it publishes none under that id.
     * Fails with {@link KeysUnavailableException} when the keys cannot be fetched, so the caller can tell "no
     * such key" (a forgery) from "cannot tell now" (try again later).
     */
    CompletionStage<Optional<PublicKey>> find(String keyId);

    /** The keys could not be fetched or read. */
    final class KeysUnavailableException extends RuntimeException {
        public KeysUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
