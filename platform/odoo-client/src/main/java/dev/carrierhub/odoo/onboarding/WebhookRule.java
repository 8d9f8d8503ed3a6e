package dev.carrierhub.odoo.onboarding;

import java.util.List;
import java.util.Objects;

/**
 * An automation rule Carrier Hub needs in an Odoo database: when a record of {@code model} is set to
 * {@code state}, send a webhook with {@code fields} to {@code webhookUrl}. The name is the rule's identity:
 * onboarding finds an existing rule by it, so running onboarding again updates instead of duplicating.
 */
public record WebhookRule(String name, String model, String state, List<String> fields, String webhookUrl) {
    public WebhookRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        fields = List.copyOf(fields);
    }
}
