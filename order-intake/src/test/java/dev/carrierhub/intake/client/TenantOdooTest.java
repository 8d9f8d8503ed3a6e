package dev.carrierhub.intake.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.intake.config.TenantsConfig;
import dev.carrierhub.odoo.client.OdooConnection;
import dev.carrierhub.odoo.client.OdooProtocol;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TenantOdooTest {

    @Test
    void aJsonRpcTenantCallsWithItsUidAndKey() {
        OdooConnection connection = TenantOdoo.connection(odoo("JSON_RPC"));
        assertThat(connection.protocol()).isEqualTo(OdooProtocol.JSON_RPC);
        assertThat(connection.uid()).isEqualTo(2L);
        assertThat(connection.database()).isEqualTo("odootest");
        assertThat(connection.apiKey()).isEqualTo("secret-key");
        assertThat(connection.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(connection.toString()).doesNotContain("secret-key");
    }

    @Test
    void aJson2TenantIsTheUserOfItsKey() {
        OdooConnection connection = TenantOdoo.connection(odoo("json-2"));
        assertThat(connection.protocol()).isEqualTo(OdooProtocol.JSON_2);
        assertThat(connection.uid()).isNull();
    }

    @Test
    void anUnknownProtocolIsAConfigurationError() {
        assertThatThrownBy(() -> TenantOdoo.protocol("XML_RPC")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON_RPC or JSON_2");
    }

    private static TenantsConfig.Odoo odoo(String protocol) {
        return new TenantsConfig.Odoo() {
            @Override
            public URI url() {
                return URI.create("https://acme.odoo.example");
            }

            @Override
            public String database() {
                return "odootest";
            }

            @Override
            public long userId() {
                return 2;
            }

            @Override
            public String apiKey() {
                return "secret-key";
            }

            @Override
            public String protocol() {
                return protocol;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
    }
}
