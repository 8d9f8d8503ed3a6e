package dev.carrierhub.carriers.registry;

import dev.carrierhub.carriers.CarrierConnector;
import dev.carrierhub.carriers.resilience.ResilientConnector;
import dev.carrierhub.carriers.sandbox.SandboxConnector;
import dev.carrierhub.carriers.sandbox.SandboxSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connectors of the configured carrier accounts, built once. Adding a carrier type means one
 * case here and one package beside {@code sandbox}.
 */
@ApplicationScoped
public class CarrierRegistry {
    private final Map<String, CarrierConnector> connectors = new LinkedHashMap<>();
    private final CarrierAccountsConfig config;

    /** For plain use: the limits' meters go to Micrometer's global registry. */
    public CarrierRegistry(CarrierAccountsConfig config) {
        this(config, Metrics.globalRegistry);
    }

    @Inject
    public CarrierRegistry(CarrierAccountsConfig config, MeterRegistry meters) {
        this.config = config;
        config.accounts().forEach((name, account) -> {
            if (account.enabled()) {
                CarrierConnector connector = create(name, account);
                if (account.carrierName().isPresent()) {
                    connector = new NamedConnector(account.carrierName().get(), connector);
                }
                // Every account gets its own rate limit, breaker, bulkhead and call timeout (README, "Limits").
                connectors.put(name,
                        ResilientConnector.forAccount(name, connector, account, account.timeout(), meters));
            }
        });
    }

    /** Every enabled account's connector, in configuration order. */
    public Collection<CarrierConnector> all() {
        return connectors.values();
    }

    /** The connector that books with {@code carrier} (the name a quote carries). */
    public Optional<CarrierConnector> forCarrier(String carrier) {
        return connectors.values().stream().filter(c -> c.carrier().equals(carrier)).findFirst();
    }

    /** The account settings of {@code carrier}, e.g. to verify its callbacks. */
    public Optional<CarrierAccountsConfig.Account> account(String carrier) {
        return config.accounts().entrySet().stream()
                .filter(e -> connectors.containsKey(e.getKey()) && connectors.get(e.getKey()).carrier().equals(carrier))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    static CarrierConnector create(String name, CarrierAccountsConfig.Account account) {
        return switch (account.type()) {
            case "sandbox" -> new SandboxConnector(
                    new SandboxSettings(account.baseUrl(), account.apiKey().orElse(null), account.timeout()));
            case "easypost" -> new dev.carrierhub.carriers.easypost.EasyPostConnector(
                    dev.carrierhub.carriers.easypost.EasyPostSettings.of(account));
            case "ups" -> new dev.carrierhub.carriers.ups.UpsConnector(
                    dev.carrierhub.carriers.ups.UpsSettings.of(account));
            case "shippo" -> new dev.carrierhub.carriers.shippo.ShippoConnector(
                    dev.carrierhub.carriers.shippo.ShippoSettings.of(account));
            case "sendcloud" -> new dev.carrierhub.carriers.sendcloud.SendcloudConnector(
                    dev.carrierhub.carriers.sendcloud.SendcloudSettings.of(account));
            default -> throw new IllegalArgumentException(
                    "carrier account " + name + " has unknown type " + account.type() + "; known: sandbox, ups, easypost, shippo, sendcloud");
        };
    }
}
