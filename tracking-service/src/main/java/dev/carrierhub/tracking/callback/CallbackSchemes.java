package dev.carrierhub.tracking.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds the callback scheme of the carrier named in the URL; adding a carrier means adding one bean. */
@ApplicationScoped
public class CallbackSchemes {
    private final Map<String, CarrierCallbacks> byCarrier;

    public CallbackSchemes(Instance<CarrierCallbacks> schemes) {
        this.byCarrier = schemes.stream().collect(Collectors.toUnmodifiableMap(CarrierCallbacks::carrier,
                Function.identity()));
    }

    public Optional<CarrierCallbacks> forCarrier(String carrier) {
        return Optional.ofNullable(byCarrier.get(carrier));
    }
}
