package dev.carrierhub.carriers.ups;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.shipment.Shipment;
import java.net.URI;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The UPS mapper's hot paths on the tests' own payloads: a shop rate request written to the wire, the
 * recorded rate-shop answer read into quotes, and the recorded Ship answer read into a booking (PDF, the
 * default, so the GIF labels UPS returns are wrapped into PDF pages here).
 */
@State(Scope.Benchmark)
public class UpsMapperBenchmark {
    private static final List<String> PARCELS = List.of("P1", "P2");

    private final UpsRequestMapper requests = new UpsRequestMapper(UpsFixtures.settings(URI.create("https://wwwcie.ups.com")));
    private final UpsResponseMapper responses = new UpsResponseMapper(UpsLabelFormat.PDF);
    private Shipment shipment;
    private UpsReply rated;
    private UpsReply shipped;

    @Setup
    public void load() {
        shipment = UpsFixtures.domesticUs();
        rated = UpsFixtures.reply(200, "rate-shop-200.json");
        shipped = UpsFixtures.reply(200, "ship-200.json");
        // Figures are only worth keeping while the mapper still writes what the golden file pins.
        if (!UpsFixtures.onTheWire(requests.rateRequest(shipment, null, false))
                .equals(UpsFixtures.json("rate-shop-request.golden.json"))) {
            throw new IllegalStateException("the UPS rate request no longer matches rate-shop-request.golden.json");
        }
    }

    @Benchmark
    public byte[] rateRequest() throws JsonProcessingException {
        return UpsJson.MAPPER.writeValueAsBytes(requests.rateRequest(shipment, null, false));
    }

    @Benchmark
    public RateResult rateResponse() {
        return responses.toRateResult(rated);
    }

    @Benchmark
    public BookingResult labelResponse() {
        return responses.toBookingResult(shipped, PARCELS);
    }
}
