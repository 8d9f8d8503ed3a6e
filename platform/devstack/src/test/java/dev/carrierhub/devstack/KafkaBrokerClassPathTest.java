package dev.carrierhub.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

class KafkaBrokerClassPathTest {

    private static final String CLASS_FILE = "dev/carrierhub/devstack/broker/KafkaBrokerMain.class";

    @Test
    void findsTheJarOrClassDirectoryOfAResource() throws Exception {
        assertThat(KafkaBroker.classPathRoot(
                new URL("jar:file:/repo/dev/carrierhub/kafka-broker/kafka-broker-0.1.0-SNAPSHOT.jar!/" + CLASS_FILE),
                CLASS_FILE))
                .isEqualTo(Path.of("/repo/dev/carrierhub/kafka-broker/kafka-broker-0.1.0-SNAPSHOT.jar"));
        assertThat(KafkaBroker.classPathRoot(
                new URL("file:/work/main/platform/kafka-broker/target/classes/" + CLASS_FILE), CLASS_FILE))
                .isEqualTo(Path.of("/work/main/platform/kafka-broker/target/classes"));
    }

    @Test
    void brokerClassPathIsTheLauncherPlusKafka44WhichIsNotOnOurOwnClassPath() {
        List<String> classPath = KafkaBroker.brokerClassPath();

        assertThat(Path.of(classPath.get(0)).getFileName().toString()).matches("kafka-broker-.*\\.jar|classes");
        assertThat(classPath).anyMatch(entry -> entry.endsWith("kafka_2.13-4.4.0.jar"));
        assertThat(classPath).anyMatch(entry -> entry.endsWith("kafka-clients-4.4.0.jar"));
        // The wildcard exclusion keeps the broker's jars off this module's class path: ours is the BOM client.
        assertThatThrownBy(() -> Class.forName("kafka.Kafka")).isInstanceOf(ClassNotFoundException.class);
        assertThat(AppInfoParser.getVersion()).isNotEqualTo("4.4.0");
    }
}
