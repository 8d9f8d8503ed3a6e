package dev.carrierhub.carriers.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The connectors' own golden and recorded files, from {@code src/test/resources/<carrier>/}. */
public final class TestResources {
    private TestResources() {
    }

    /** The file {@code name} under {@code src/test/resources/<carrier>/}; fails clearly when it is missing. */
    public static byte[] bytes(String carrier, String name) {
        String path = carrier + "/" + name;
        try (InputStream in = TestResources.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String carrier, String name) {
        return new String(bytes(carrier, name), StandardCharsets.UTF_8);
    }
}
