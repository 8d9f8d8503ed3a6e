package dev.carrierhub.intake.service;

import dev.carrierhub.intake.config.TenantsConfig;
import dev.carrierhub.intake.rest.OnboardingRequest;
import dev.carrierhub.odoo.client.OdooClients;
import dev.carrierhub.odoo.client.OdooConnection;
import dev.carrierhub.odoo.client.OdooProtocol;
import dev.carrierhub.odoo.onboarding.IntakeRules;
import dev.carrierhub.odoo.onboarding.OdooOnboarding;
import dev.carrierhub.odoo.onboarding.OnboardingReport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sets up a tenant's Odoo for the intake: the automation rules that send its webhooks, pointing at this
 * intake with the tenant's own token. The Odoo is the one in the request, else the tenant's configured one.
 */
@ApplicationScoped
public class TenantOnboarding {
    private static final Logger LOG = Logger.getLogger(TenantOnboarding.class);

    private final TenantsConfig tenants;
    private final OdooClients clients;

    public TenantOnboarding(TenantsConfig tenants, OdooClients clients) {
        this.tenants = tenants;
        this.clients = clients;
    }

    public Uni<OnboardingReport> onboard(TenantsConfig.Tenant tenant, String name, OnboardingRequest request) {
        OdooConnection connection = connection(tenant.odoo(), request);
        return new OdooOnboarding(clients.client(connection))
                .apply(IntakeRules.forTenant(request.intakeUrl(), name, tenant.webhookToken(), request.onDone()))
                .invoke(report -> LOG.infof("onboarded tenant %s on Odoo %s at %s: %s", name, report.serverVersion(),
                        connection.url(), report.rules().stream().map(rule -> rule.name() + " " + rule.outcome()).toList()));
    }

    public Optional<TenantsConfig.Tenant> tenant(String name) {
        return tenants.tenant(name);
    }

    /** The request's Odoo settings, each falling back to the tenant's configured one. */
    static OdooConnection connection(TenantsConfig.Odoo configured, OnboardingRequest request) {
        URI url = request.odooUrl() != null ? request.odooUrl() : configured.url();
        String database = request.database() != null ? request.database() : configured.database();
        String apiKey = request.apiKey() != null ? request.apiKey() : configured.apiKey();
        String protocol = (request.protocol() != null ? request.protocol() : configured.protocol())
                .strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (OdooProtocol.valueOf(protocol) == OdooProtocol.JSON_2) {
            return OdooConnection.json2(url, database, apiKey, configured.timeout());
        }
        if (request.login() != null) {
            return OdooConnection.jsonRpc(url, database, request.login(), apiKey, configured.timeout());
        }
        long userId = request.userId() != null ? request.userId() : configured.userId();
        return OdooConnection.jsonRpc(url, database, userId, apiKey, configured.timeout());
    }
}
