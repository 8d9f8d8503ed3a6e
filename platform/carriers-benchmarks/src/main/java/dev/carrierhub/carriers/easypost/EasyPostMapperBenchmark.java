package dev.carrierhub.carriers.easypost;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.shipment.Shipment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The EasyPost mapper's hot paths on the tests' own payloads: the rating shipment request written to the
 * wire, the recorded created shipment read into quotes, and the recorded bought shipment read into a booking
 * (the label bytes, downloaded separately, are given).
 */
@State(Scope.Benchmark)
public class EasyPostMapperBenchmark {
    private static final byte[] LABEL = "%PDF-1.4".getBytes(StandardCharsets.US_ASCII);

    private final EasyPostRequestMapper requests = new EasyPostRequestMapper(Label.PDF, List.of());
    private final EasyPostResponseMapper responses = new EasyPostResponseMapper(Label.PDF);
    private Shipment shipment;
    private EasyPostReply created;
    private EasyPostReply bought;

    @Setup
    public void load() {
        shipment = EasyPostTestShipments.domestic();
        created = EasyPostResources.reply(201, "shipment-created.json");
        bought = EasyPostResources.reply(200, "shipment-bought.json");
        // Figures are only worth keeping while the mapper still writes what the golden file pins.
        if (!EasyPostResources.onTheWire(requests.shipmentRequest(shipment, null))
                .equals(EasyPostResources.json("rate-request.golden.json"))) {
            throw new IllegalStateException("the EasyPost rate request no longer matches rate-request.golden.json");
        }
    }

    @Benchmark
    public byte[] rateRequest() {
        return EasyPostJson.bytes(requests.shipmentRequest(shipment, null));
    }

    @Benchmark
    public RateResult rateResponse() {
        return responses.toRateResult(created);
    }

    @Benchmark
    public BookingResult labelResponse() {
        return responses.toBookingResult(responses.toShipment(bought), "P1", LABEL);
    }
}
