package dev.carrierhub.carriers.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;

/** {@code POST /v1/rates}: a quote per offered service, priced by {@link SandboxTariff}. */
final class RatesEndpoint {
    private final SandboxCounters counters;

    RatesEndpoint(SandboxCounters counters) {
        this.counters = counters;
    }

    ApiReply quote(ApiRequest request, List<String> pathParams) throws ApiError {
        counters.rateRequests.incrementAndGet();
        ParsedShipment shipment = ShipmentRequestReader.read(request.json());
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        ArrayNode rates = body.putArray("rates");
        for (SandboxTariff tariff : SandboxTariff.offeredFor(shipment)) {
            ObjectNode rate = rates.addObject()
                    .put("id", "rate_" + UUID.randomUUID().toString().replace("-", ""))
                    .put("service_code", tariff.serviceCode());
            rate.set("rate", money(tariff, shipment));
            rate.put("transit_days", tariff.transitDays());
        }
        ArrayNode messages = body.putArray("messages");
        SandboxTariff.noticesFor(shipment).forEach(notice -> messages.add(notice.toJson()));
        return ApiReply.of(200, body);
    }

    static ObjectNode money(SandboxTariff tariff, ParsedShipment shipment) {
        // Amounts are decimal strings on the wire, as real carrier APIs send them, never binary floats.
        return SandboxJson.MAPPER.createObjectNode()
                .put("amount", tariff.price(shipment).toPlainString())
                .put("currency", shipment.currency());
    }
}
