package dev.carrierhub.intake.mapping;

import dev.carrierhub.contracts.shipment.ServiceLevel;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Objects;

/** What an Odoo delivery method means to Carrier Hub: the carrier, its service code and the service level. */
// Written with Jackson's ObjectMapper: registered so native executables can serialise it too.
@RegisterForReflection
public record CarrierService(String carrier, String serviceCode, ServiceLevel serviceLevel) {
    public CarrierService {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(serviceLevel, "serviceLevel");
    }
}
