package dev.carrierhub.tracking.callback;

import dev.carrierhub.carriers.registry.CarrierAccountsConfig;
import dev.carrierhub.carriers.registry.CarrierRegistry;
import dev.carrierhub.carriers.webhook.SignatureCheck;
import dev.carrierhub.tracking.config.TrackingConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.function.Function;

/**
 * The secret each carrier's callbacks are checked with. A carrier with a booking account here uses that
 * account's {@code carrierhub.carriers.accounts.<name>.webhook-secret}; a carrier without one (FedEx) uses
 * {@code carrierhub.tracking.callbacks.<carrier>.secret}. Setting both for one carrier is refused at start-up,
 * so no one wonders which of two secrets is in force.
 */
@ApplicationScoped
public class CallbackSecrets {
    private final CarrierRegistry registry;
    private final TrackingConfig config;

    public CallbackSecrets(CarrierRegistry registry, TrackingConfig config) {
        this.registry = registry;
        this.config = config;
    }

    /** The secret of {@code carrier}'s callbacks, if one is configured. */
    public Optional<String> of(String carrier) {
        return accountSecret(carrier).or(() -> callbackSecret(carrier));
    }

    /** The verdict of {@code check} under {@code carrier}'s secret; {@code NOT_CONFIGURED} without one. */
    public Uni<Verdict> check(String carrier, Function<String, SignatureCheck> check) {
        return Uni.createFrom().item(() -> of(carrier).map(secret -> Verdict.of(check.apply(secret)))
                .orElse(Verdict.NOT_CONFIGURED));
    }

    void refuseTwoSecrets(@Observes StartupEvent started) {
        config.callbacks().keySet().forEach(carrier -> {
            if (callbackSecret(carrier).isPresent() && accountSecret(carrier).isPresent()) {
                throw new IllegalStateException("carrier " + carrier + " has a webhook-secret on its account and "
                        + "carrierhub.tracking.callbacks." + carrier + ".secret; set only one");
            }
        });
    }

    private Optional<String> accountSecret(String carrier) {
        return registry.account(carrier).flatMap(CarrierAccountsConfig.Account::webhookSecret).filter(s -> !s.isEmpty());
    }

    private Optional<String> callbackSecret(String carrier) {
        return Optional.ofNullable(config.callbacks().get(carrier)).flatMap(TrackingConfig.CarrierCallback::secret)
                .filter(s -> !s.isEmpty());
    }
}
