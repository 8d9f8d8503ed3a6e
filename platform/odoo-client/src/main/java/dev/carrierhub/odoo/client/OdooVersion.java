package dev.carrierhub.odoo.client;

import java.util.List;
import java.util.Objects;

/**
 * The server's version: {@code server_version} / {@code server_version_info} from JSON-RPC
 * {@code common.version}, or {@code version} / {@code version_info} from {@code GET /web/version} (JSON-2).
 *
 * @param serverVersion     e.g. {@code "18.0-20250506"} or {@code "19.0"}
 * @param serverVersionInfo e.g. {@code [18, 0, 0, "final", 0, ""]}: Integers and Strings
 */
public record OdooVersion(String serverVersion, List<Object> serverVersionInfo) {

    public OdooVersion {
        Objects.requireNonNull(serverVersion, "serverVersion");
        serverVersionInfo = serverVersionInfo == null ? List.of() : List.copyOf(serverVersionInfo);
    }

    /** The major version (17, 18, 19, ...), from {@code server_version_info} or else the version string. */
    public int major() {
        if (!serverVersionInfo.isEmpty() && serverVersionInfo.get(0) instanceof Integer major) {
            return major;
        }
        String digits = serverVersion.replaceFirst("^\\D*(\\d+).*$", "$1");
        return digits.isEmpty() || !Character.isDigit(digits.charAt(0)) ? 0 : Integer.parseInt(digits);
    }

    /** Whether the server speaks JSON-2 ({@code /json/2}), i.e. Odoo 19 or later. */
    public boolean supportsJson2() {
        return major() >= 19;
    }
}
