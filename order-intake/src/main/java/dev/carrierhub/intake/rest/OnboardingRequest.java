package dev.carrierhub.intake.rest;

import java.net.URI;

/**
 * Which Odoo to set up for a tenant and where it should send its webhooks. The Odoo settings left out are
 * the tenant's configured ones ({@code carrierhub.tenants.<t>.odoo.*}); the webhook token is always the
 * tenant's configured secret, never part of a request.
 *
 * @param intakeUrl order-intake's base URL as that Odoo reaches it, e.g. {@code https://hub.example.com}
 * @param protocol  JSON_RPC (Odoo 17, 18) or JSON_2 (Odoo 19)
 * @param onDone    also send a webhook when a delivery is validated (for tenants that ship on validation)
 */
public record OnboardingRequest(URI intakeUrl, URI odooUrl, String database, Long userId, String login,
        String apiKey, String protocol, boolean onDone) {
}
