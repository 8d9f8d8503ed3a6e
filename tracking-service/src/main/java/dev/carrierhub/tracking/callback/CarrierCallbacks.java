package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.TrackingEvent;
import java.time.Instant;
import java.util.function.Function;

/**
 * One carrier's callback scheme: how its signature is checked and how its body reads as a canonical
 * tracking event. One bean per carrier; {@link CallbackSchemes} finds it by the carrier in the URL.
 */
public interface CarrierCallbacks {

    /** The carrier name, as in {@code /callbacks/{carrier}} and on every event. */
    String carrier();

    /**
     * Checks the signature over the raw body, before anything is parsed or stored.
     *
     * @param header looks up a request header by name (null when absent)
     */
    Verdict verify(Function<String, String> header, byte[] rawBody, Instant now);

    /**
     * Reads a verified body.
     *
     * @throws IllegalArgumentException when the body is not a callback of this carrier
     */
    TrackingEvent parse(byte[] rawBody);
}
