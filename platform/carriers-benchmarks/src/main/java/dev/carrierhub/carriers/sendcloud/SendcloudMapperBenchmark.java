package dev.carrierhub.carriers.sendcloud;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.carriers.Label;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.shipment.Shipment;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Sendcloud mapper's hot paths on the tests' own payloads: the shipping-options request written to the
 * wire, the recorded shipping options read into quotes, and the recorded single-parcel announcement read
 * into a booking, its label decoded from the answer itself.
 */
@State(Scope.Benchmark)
public class SendcloudMapperBenchmark {
    private static final List<String> PARCELS = List.of("P1");

    private final SendcloudRequestMapper requests = new SendcloudRequestMapper(Label.PDF);
    private final SendcloudResponseMapper responses = new SendcloudResponseMapper();
    private Shipment shipment;
    private SendcloudReply options;
    private SendcloudReply announced;

    @Setup
    public void load() {
        shipment = SendcloudTestShipments.domestic();
        options = SendcloudResources.reply(200, "shipping-options.json");
        announced = SendcloudResources.reply(201, "announce-single.json");
        // Figures are only worth keeping while the mapper still writes what the golden file pins.
        if (!SendcloudResources.onTheWire(requests.shippingOptionsRequest(shipment))
                .equals(SendcloudResources.json("shipping-options-request.golden.json"))) {
            throw new IllegalStateException("the Sendcloud shipping-options request no longer matches its golden file");
        }
    }

    @Benchmark
    public byte[] rateRequest() {
        return SendcloudJson.bytes(requests.shippingOptionsRequest(shipment));
    }

    @Benchmark
    public RateResult rateResponse() {
        return responses.toRateResult(options);
    }

    @Benchmark
    public BookingResult labelResponse() {
        SendcloudShipment announcement = responses.toAnnouncement(announced).orElseThrow();
        List<byte[]> labels = List.of(responses.inlineLabel(announcement.parcels().get(0)).orElseThrow());
        return responses.toBookingResult(announcement, PARCELS, labels, "EUR");
    }
}
