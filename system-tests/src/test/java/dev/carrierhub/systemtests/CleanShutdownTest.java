package dev.carrierhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.launcher.LocalSuite;
import dev.carrierhub.launcher.ServiceProcess;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Stopping the suite leaves no stray process: no service, no broker, no PostgreSQL. */
@Order(Integer.MAX_VALUE)
class CleanShutdownTest {

    @Test
    void stoppingTheSuiteStopsEveryProcessItStarted() {
        LocalSuite suite = SharedSuite.get();
        List<ProcessHandle> children = new ArrayList<>();
        suite.services().values().stream().map(ServiceProcess::pid)
                .forEach(pid -> ProcessHandle.of(pid).ifPresent(children::add));
        suite.stack().kafkaBroker().ifPresent(broker -> children.add(broker.process()));
        int postgresPort = suite.stack().postgresServer().orElseThrow().port();
        assertThat(children).hasSize(6).allMatch(ProcessHandle::isAlive);

        SharedSuite.stop();

        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(accepts(postgresPort)).as("PostgreSQL stopped").isFalse();
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
