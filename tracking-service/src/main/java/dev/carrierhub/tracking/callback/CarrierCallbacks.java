package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * One carrier's callback scheme: how its signature is checked and how its body reads as a canonical
 * tracking event. One bean per carrier; {@link CallbackSchemes} finds it by the carrier in the URL. The
 * checks and mappings themselves live in the carrier's package of platform/carriers; a bean only finds the
 * secret and the headers.
 */
public interface CarrierCallbacks {

    /** The carrier name, as in {@code /callbacks/{carrier}} and on every event. */
    String carrier();

    /**
     * Checks the signature over the raw body, before anything is parsed or stored. Most schemes answer at
     * once; ShipEngine's may first fetch the carrier's public keys, and may answer on another thread.
     *
     * @param header looks up a request header by name, case-insensitively (null when absent)
     */
    Uni<Verdict> verify(Function<String, String> header, byte[] rawBody, Instant now);

    /**
     * Reads a verified body.
     *
     * @return the tracking event, or empty for an authentic callback that carries none (an EasyPost refund
     *         event, a Sendcloud integration update …), which is kept and answered but changes nothing
     * @throws IllegalArgumentException when the body is not a callback of this carrier
     */
    Optional<TrackingEvent> parse(byte[] rawBody);
}
