package dev.carrierhub.odoo.onboarding;

import dev.carrierhub.odoo.client.OdooClients;
import dev.carrierhub.odoo.client.OdooConnection;
import dev.carrierhub.odoo.client.OdooResilience;
import io.vertx.mutiny.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Onboards a tenant's Odoo from the command line, without a running intake: the same rules as
 * {@code POST /admin/tenants/{tenant}/onboarding}. Secrets come from the environment only (never the
 * command line, which other users of the machine can see): {@code ODOO_API_KEY} and
 * {@code CARRIERHUB_WEBHOOK_TOKEN}. See docs/odoo-setup.md for the command.
 */
public final class OnboardOdooMain {
    static final String USAGE = """
            usage: OnboardOdooMain --odoo-url URL --database DB (--user-id N | --login LOGIN) [--protocol JSON_RPC|JSON_2]
                                   --tenant NAME --intake-url URL [--on-done]
            environment: ODOO_API_KEY (the integration user's API key), CARRIERHUB_WEBHOOK_TOKEN (the tenant's token)""";

    private OnboardOdooMain() {
    }

    public static void main(String[] args) {
        Command command;
        try {
            command = Command.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Vertx vertx = Vertx.vertx();
        try (OdooClients clients = new OdooClients(vertx, OdooResilience.defaults())) {
            OnboardingReport report = new OdooOnboarding(clients.client(command.connection()))
                    .apply(IntakeRules.forTenant(command.intakeUrl(), command.tenant(), command.token(), command.onDone()))
                    .await().atMost(Duration.ofMinutes(2));
            print(report, System.out);
        } catch (RuntimeException e) {
            System.err.println("onboarding failed: " + e.getMessage());
            System.exit(1);
        } finally {
            vertx.closeAndAwait();
        }
    }

    static void print(OnboardingReport report, PrintStream out) {
        out.printf("Odoo %s (major %d), integration user %d%n", report.serverVersion(), report.majorVersion(),
                report.userId());
        for (RuleOutcome rule : report.rules()) {
            out.printf("  %-9s %s (base.automation %d)%n", rule.outcome(), rule.name(), rule.ruleId());
            rule.changes().forEach(change -> out.println("            " + change));
        }
        report.warnings().forEach(warning -> out.println("warning: " + warning));
    }

    /** The parsed command line and environment. */
    record Command(OdooConnection connection, String tenant, URI intakeUrl, String token, boolean onDone) {
        private static final Duration TIMEOUT = Duration.ofSeconds(30);

        static Command parse(String[] args, Map<String, String> env) {
            Map<String, String> options = new HashMap<>();
            boolean onDone = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if ("--on-done".equals(arg)) {
                    onDone = true;
                } else if (arg.startsWith("--") && i + 1 < args.length) {
                    options.put(arg.substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
            }
            for (String unknown : options.keySet()) {
                if (!List.of("odoo-url", "database", "user-id", "login", "protocol", "tenant", "intake-url")
                        .contains(unknown)) {
                    throw new IllegalArgumentException("unknown option --" + unknown);
                }
            }
            URI odooUrl = URI.create(required(options, "odoo-url"));
            String database = required(options, "database");
            String apiKey = requiredEnv(env, "ODOO_API_KEY");
            String protocol = options.getOrDefault("protocol", "JSON_RPC").toUpperCase(Locale.ROOT).replace('-', '_');
            OdooConnection connection = switch (protocol) {
                case "JSON_2" -> OdooConnection.json2(odooUrl, database, apiKey, TIMEOUT);
                case "JSON_RPC" -> options.containsKey("login")
                        ? OdooConnection.jsonRpc(odooUrl, database, options.get("login"), apiKey, TIMEOUT)
                        : OdooConnection.jsonRpc(odooUrl, database, Long.parseLong(required(options, "user-id")), apiKey,
                                TIMEOUT);
                default -> throw new IllegalArgumentException("--protocol is JSON_RPC or JSON_2, was " + protocol);
            };
            return new Command(connection, required(options, "tenant"), URI.create(required(options, "intake-url")),
                    requiredEnv(env, "CARRIERHUB_WEBHOOK_TOKEN"), onDone);
        }

        private static String required(Map<String, String> options, String name) {
            String value = options.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        private static String requiredEnv(Map<String, String> env, String name) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must be set in the environment");
            }
            return value;
        }
    }
}
