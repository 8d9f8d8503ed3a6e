package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every pod is behind a deny-by-default NetworkPolicy that opens only named ports. */
class NetworkPolicyTest {
    private static final Set<String> CARRIER_COMPONENTS = Set.of("rate-shopping", "label-service", "tracking-service");

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void everyPodIsSelectedByAPolicyForBothDirections(ValuesVariant variant) {
        Rendered rendered = Rendered.of(variant);
        List<JsonNode> policies = rendered.ofKind("NetworkPolicy");
        for (JsonNode deployment : rendered.ofKind("Deployment")) {
            JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
            JsonNode policy = policies.stream()
                    .filter(p -> Rendered.selects(p.path("spec").path("podSelector").path("matchLabels"), podLabels))
                    .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy selects " + Rendered.name(deployment)));
            assertThat(policy.path("spec").path("policyTypes").toString()).contains("Ingress", "Egress");
        }
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void everyRuleNamesItsPortsSoNothingIsOpenWholesale(ValuesVariant variant) {
        for (JsonNode policy : Rendered.of(variant).ofKind("NetworkPolicy")) {
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : policy.path("spec").path(direction)) {
                    assertThat(rule.path("ports").size()).as(Rendered.name(policy) + " " + direction + " " + rule).isPositive();
                    String peers = direction.equals("ingress") ? "from" : "to";
                    assertThat(rule.path(peers).size()).as(Rendered.name(policy) + " " + rule).isPositive();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void egressReachesDnsKafkaAndPostgresAndCarriersOnlyWhereNeeded(ValuesVariant variant) {
        for (JsonNode policy : Rendered.of(variant).ofKind("NetworkPolicy")) {
            String component = Rendered.component(policy);
            String egress = policy.path("spec").path("egress").toString();
            assertThat(egress).contains("\"port\":53", "\"port\":9092", "\"port\":5432");
            boolean https = egress.contains("\"port\":443");
            assertThat(https).as(component + " reaches out on 443")
                    .isEqualTo(CARRIER_COMPONENTS.contains(component) || component.equals("order-intake"));
            boolean tracing = !ValuesFiles.effective(variant).path("tracing").path("otlpEndpoint").asText().isEmpty();
            assertThat(egress.contains("\"port\":4318")).isEqualTo(tracing);
        }
    }
}
