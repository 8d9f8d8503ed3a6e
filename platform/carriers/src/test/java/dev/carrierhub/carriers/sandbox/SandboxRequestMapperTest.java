package dev.carrierhub.carriers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SandboxRequestMapperTest {
    private final SandboxRequestMapper mapper = new SandboxRequestMapper();

    @Test
    void rateRequestConvertsUnitsAndCarriesCustomsLines() {
        assertThat(Resources.onTheWire(mapper.rateRequest(TestShipments.international())))
                .isEqualTo(Resources.json("rate-request.golden.json"));
    }

    @Test
    void shipRequestAddsTheServiceCodeAndLeavesOutEmptyFields() {
        assertThat(Resources.onTheWire(mapper.shipRequest(TestShipments.domestic(), "SBX_STANDARD")))
                .isEqualTo(Resources.json("ship-request.golden.json"));
    }

    @Test
    void trackerRequestNamesTheCallbackUrl() {
        assertThat(Resources.onTheWire(mapper.trackerRequest("SBX123456789012",
                URI.create("https://tracking.example/callbacks/sandbox?tenant=acme"))))
                .isEqualTo(Resources.json("tracker-request.golden.json"));
    }
}
