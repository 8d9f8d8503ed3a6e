package dev.carrierhub.carriers.shippo;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.Shipment;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Shippo mapper's hot paths on the tests' own payloads: the shipment request written to the wire, the
 * recorded rated shipment read into quotes, and the recorded successful transaction read into a booking (the
 * label bytes, downloaded separately, are given).
 */
@State(Scope.Benchmark)
public class ShippoMapperBenchmark {
    private static final byte[] LABEL = "%PDF-1.4".getBytes(StandardCharsets.US_ASCII);
    private static final Money PRICE = Money.of("7.58", "USD");

    private final ShippoRequestMapper requests = new ShippoRequestMapper(Label.PDF, List.of());
    private final ShippoResponseMapper responses = new ShippoResponseMapper();
    private Shipment shipment;
    private ShippoReply rated;
    private ShippoReply purchased;

    @Setup
    public void load() {
        shipment = ShippoTestShipments.domestic();
        rated = ShippoResources.reply(201, "shipment-rated.json");
        purchased = ShippoResources.reply(201, "transaction-success.json");
        // Figures are only worth keeping while the mapper still writes what the golden file pins.
        if (!ShippoResources.onTheWire(requests.shipmentRequest(shipment))
                .equals(ShippoResources.json("shipment-request-domestic.golden.json"))) {
            throw new IllegalStateException("the Shippo shipment request no longer matches its golden file");
        }
    }

    @Benchmark
    public byte[] rateRequest() {
        return ShippoJson.bytes(requests.shipmentRequest(shipment));
    }

    @Benchmark
    public RateResult rateResponse() {
        return responses.toRateResult(rated);
    }

    @Benchmark
    public BookingResult labelResponse() {
        return responses.toBookingResult(responses.toPurchase(purchased), PRICE, "P1", LABEL);
    }
}
