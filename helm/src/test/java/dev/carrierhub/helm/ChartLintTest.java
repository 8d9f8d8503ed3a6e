package dev.carrierhub.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** helm lint --strict and helm template pass for the defaults and every ci/ variant. */
class ChartLintTest {

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void lintsStrictly(ValuesVariant variant) {
        Helm.Result lint = Helm.lintStrict(variant.file());
        assertThat(lint.ok()).as(lint.out() + lint.err()).isTrue();
        assertThat(lint.out()).contains("1 chart(s) linted, 0 chart(s) failed");
    }

    @ParameterizedTest
    @EnumSource(ValuesVariant.class)
    void rendersEveryEnabledServiceOnce(ValuesVariant variant) {
        Rendered rendered = Rendered.of(variant);
        long services = variant == ValuesVariant.ONE_SERVICE_ONLY ? 1 : 5;
        assertThat(rendered.ofKind("Deployment")).hasSize((int) services);
        assertThat(rendered.ofKind("Service")).hasSize((int) services);
        assertThat(rendered.ofKind("ConfigMap").stream().filter(c -> !Rendered.component(c).isEmpty())).hasSize((int) services);
    }

    @Test
    void everyCiValuesFileIsAVariantTheTestsRender() throws IOException {
        try (Stream<Path> files = Files.list(ChartTools.CHART.resolve("ci"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(ValuesVariant.values()).map(ValuesVariant::file)
                            .filter(Objects::nonNull).map(f -> f.getFileName().toString()).toList());
        }
    }

    @Test
    void aTypoInTheValuesIsRefusedByTheSchema() {
        Helm.Result result = Helm.template(null, "labelService.replicaCuont=3");
        assertThat(result.ok()).isFalse();
        assertThat(result.err()).contains("replicaCuont");
    }

    @Test
    void aSecretCannotBeGivenAsACarrierSetting() {
        Helm.Result result = Helm.template(null, "carriers.accounts.ups.type=ups",
                "carriers.accounts.ups.settings.api-key=plain-text-key");
        assertThat(result.ok()).isFalse();
        assertThat(result.out()).doesNotContain("plain-text-key");
    }
}
