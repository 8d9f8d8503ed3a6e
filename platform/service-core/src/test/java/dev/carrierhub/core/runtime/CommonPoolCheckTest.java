package dev.carrierhub.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonPoolCheckTest {

    @Test
    void aCommonPoolOfOneThreadIsWarnedAboutWithTheSettingThatFixesIt() {
        assertThat(CommonPoolCheck.warning(1)).hasValueSatisfying(warning ->
                assertThat(warning).contains("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2"));
    }

    @Test
    void twoThreadsOrMoreAreFine() {
        assertThat(CommonPoolCheck.warning(2)).isEmpty();
        assertThat(CommonPoolCheck.warning(7)).isEmpty();
    }
}
