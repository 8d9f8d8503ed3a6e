package dev.carrierhub.label.service;

import dev.carrierhub.label.config.LabelConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The public URL of a stored label, as published in {@code shipment.labeled} and listed by the REST API. */
@ApplicationScoped
public class LabelLinks {
    private final String base;

    public LabelLinks(LabelConfig config) {
        String url = config.publicUrl().trim();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String url(String shipmentId, UUID labelId) {
        return base + "/shipments/" + shipmentId + "/labels/" + labelId;
    }
}
