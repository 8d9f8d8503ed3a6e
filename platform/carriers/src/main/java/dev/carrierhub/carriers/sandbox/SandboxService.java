package dev.carrierhub.carriers.sandbox;

import dev.carrierhub.contracts.shipment.ServiceLevel;
import java.util.Arrays;
import java.util.Optional;

/** The sandbox's service codes and the canonical service level each one stands for. */
public enum SandboxService {
    SBX_ECONOMY(ServiceLevel.ECONOMY),
    SBX_STANDARD(ServiceLevel.STANDARD),
    SBX_EXPRESS(ServiceLevel.EXPRESS);

    private final ServiceLevel serviceLevel;

    SandboxService(ServiceLevel serviceLevel) {
        this.serviceLevel = serviceLevel;
    }

    /** The code on the wire, e.g. {@code SBX_STANDARD}. */
    public String code() {
        return name();
    }

    public ServiceLevel serviceLevel() {
        return serviceLevel;
    }

    public static Optional<SandboxService> ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
