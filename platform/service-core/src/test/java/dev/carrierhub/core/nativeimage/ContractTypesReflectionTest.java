package dev.carrierhub.core.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.contracts.EventType;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ContractTypesReflectionTest {

    @Test
    void everyPayloadAndShipmentTypeOfTheContractsIsRegistered() throws Exception {
        List<String> registered = Arrays.stream(ContractTypesReflection.class.getAnnotation(RegisterForReflection.class)
                .targets()).map(Class::getName).toList();

        assertThat(registered).containsExactlyInAnyOrderElementsOf(contractTypes());
    }

    /** The top-level types of the contracts' events and shipment packages, read from the contracts' classes. */
    private static List<String> contractTypes() throws Exception {
        URI location = EventType.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        if (Files.isDirectory(root)) {
            return typesUnder(root);
        }
        try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + location), Map.of())) {
            return typesUnder(jar.getPath("/"));
        }
    }

    private static List<String> typesUnder(Path root) throws Exception {
        try (Stream<Path> files = Stream.concat(Files.list(root.resolve("dev/carrierhub/contracts/events")),
                Files.list(root.resolve("dev/carrierhub/contracts/shipment")))) {
            return files.map(f -> root.relativize(f).toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .toList();
        }
    }
}
