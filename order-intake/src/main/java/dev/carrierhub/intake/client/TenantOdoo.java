package dev.carrierhub.intake.client;

import dev.carrierhub.intake.config.TenantsConfig;
import dev.carrierhub.odoo.client.OdooClient;
import dev.carrierhub.odoo.client.OdooClients;
import dev.carrierhub.odoo.client.OdooConnection;
import dev.carrierhub.odoo.client.OdooProtocol;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * The Odoo client of a tenant, made from its {@code carrierhub.tenants.<t>.odoo.*} settings. The client
 * (and its circuit breaker) is cached by its settings, so every caller of one tenant shares it.
 */
@ApplicationScoped
public class TenantOdoo {
    private final TenantsConfig tenants;
    private final OdooClients clients;

    public TenantOdoo(TenantsConfig tenants, OdooClients clients) {
        this.tenants = tenants;
        this.clients = clients;
    }

    /** The tenant's client; an {@link UnknownTenantException} when the tenant has no Odoo configured. */
    public OdooClient client(String tenant) {
        TenantsConfig.Odoo odoo = tenants.tenant(tenant).map(TenantsConfig.Tenant::odoo)
                .orElseThrow(() -> new UnknownTenantException(tenant));
        return clients.client(connection(odoo));
    }

    static OdooConnection connection(TenantsConfig.Odoo odoo) {
        return switch (protocol(odoo.protocol())) {
            case JSON_RPC -> OdooConnection.jsonRpc(odoo.url(), odoo.database(), odoo.userId(), odoo.apiKey(),
                    odoo.timeout());
            case JSON_2 -> OdooConnection.json2(odoo.url(), odoo.database(), odoo.apiKey(), odoo.timeout());
        };
    }

    /** {@code JSON_RPC} / {@code json-rpc} and {@code JSON_2} / {@code json-2}, as an operator may spell them. */
    static OdooProtocol protocol(String configured) {
        String name = configured.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return OdooProtocol.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Odoo protocol is JSON_RPC or JSON_2, was '" + configured + "'", e);
        }
    }

    /** A write or read for a tenant whose Odoo is not (or no longer) configured. */
    public static final class UnknownTenantException extends RuntimeException {
        public UnknownTenantException(String tenant) {
            super("no Odoo is configured for tenant " + tenant);
        }
    }
}
