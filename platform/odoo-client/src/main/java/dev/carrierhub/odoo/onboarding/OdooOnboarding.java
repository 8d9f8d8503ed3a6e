package dev.carrierhub.odoo.onboarding;

import dev.carrierhub.odoo.client.OdooClient;
import dev.carrierhub.odoo.client.OdooProtocol;
import dev.carrierhub.odoo.client.OdooRecord;
import dev.carrierhub.odoo.client.OdooVersion;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets up an Odoo database for Carrier Hub: checks the connection and the version, then creates or
 * updates the automation rules and their webhook actions. Idempotent: a rule is found by its name
 * (archived ones too), compared with what is wanted, and only what differs is written; a second run
 * changes nothing. Works over JSON-RPC and JSON-2 alike (only search_read, read, create and write).
 */
public final class OdooOnboarding {
    /** Webhook server actions and the state-set triggers came with Odoo 17. */
    static final int OLDEST_SUPPORTED = 17;
    private static final String ON_STATE_SET = "on_state_set";
    private static final List<String> RULE_FIELDS = List.of("name", "active", "trigger", "trg_selection_field_id",
            "trigger_field_ids", "action_server_ids");
    private static final List<String> ACTION_FIELDS = List.of("name", "state", "webhook_url", "webhook_field_ids");

    private final OdooClient odoo;

    public OdooOnboarding(OdooClient odoo) {
        this.odoo = odoo;
    }

    public Uni<OnboardingReport> apply(List<WebhookRule> rules) {
        return odoo.authenticate().chain(uid -> odoo.version().chain(version -> {
            if (version.major() < OLDEST_SUPPORTED) {
                return Uni.createFrom().failure(new OdooOnboardingException("Odoo " + version.serverVersion()
                        + " has no webhook actions: Carrier Hub needs Odoo " + OLDEST_SUPPORTED + " or later"));
            }
            return Multi.createFrom().iterable(rules)
                    .onItem().transformToUniAndConcatenate(this::ensure)
                    .collect().asList()
                    .map(outcomes -> new OnboardingReport(version.serverVersion(), version.major(), uid, outcomes,
                            warnings(version)));
        }));
    }

    private List<String> warnings(OdooVersion version) {
        List<String> warnings = new ArrayList<>();
        if (version.supportsJson2() && odoo.connection().protocol() == OdooProtocol.JSON_RPC) {
            warnings.add("Odoo " + version.major() + " has the JSON-2 API and deprecates /jsonrpc: set the tenant's "
                    + "odoo.protocol to JSON_2");
        }
        return warnings;
    }

    private Uni<RuleOutcome> ensure(WebhookRule rule) {
        List<String> names = new ArrayList<>(rule.fields());
        if (!names.contains("state")) {
            names.add("state");
        }
        return modelId(rule.model()).chain(modelId -> fieldIds(rule.model(), names).chain(fields -> {
            Long stateField = fields.get("state");
            if (stateField == null) {
                return Uni.createFrom().failure(new OdooOnboardingException(rule.model() + " has no state field"));
            }
            List<String> notes = new ArrayList<>();
            List<Long> webhookFields = new ArrayList<>();
            for (String field : rule.fields()) {
                if (fields.containsKey(field)) {
                    webhookFields.add(fields.get(field));
                } else {
                    notes.add("field " + field + " does not exist in this Odoo and is not sent");
                }
            }
            Wanted wanted = new Wanted(rule, modelId, stateField, webhookFields);
            return selectionId(rule, stateField).chain(selection -> existing(rule, modelId).chain(found -> found.isEmpty()
                    ? create(wanted, selection, notes)
                    : update(wanted, selection, found.get(), notes)));
        }));
    }

    private Uni<RuleOutcome> create(Wanted wanted, long selection, List<String> notes) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", wanted.rule().name());
        values.put("model_id", wanted.modelId());
        values.put("trigger", ON_STATE_SET);
        values.put("trigger_field_ids", List.of(replaceAll(List.of(wanted.stateField()))));
        values.put("trg_selection_field_id", selection);
        values.put("action_server_ids", List.of(List.of(0, 0, actionValues(wanted))));
        return odoo.create("base.automation", values)
                .map(id -> new RuleOutcome(wanted.rule().name(), RuleOutcome.Outcome.CREATED, id, notes));
    }

    private Uni<RuleOutcome> update(Wanted wanted, long selection, OdooRecord rule, List<String> notes) {
        Map<String, Object> ruleChanges = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>(notes);
        if (!rule.bool("active")) {
            ruleChanges.put("active", true);
            changes.add("rule was archived: active again");
        }
        if (!ON_STATE_SET.equals(rule.text("trigger").orElse(null))) {
            ruleChanges.put("trigger", ON_STATE_SET);
            changes.add("trigger set to " + ON_STATE_SET);
        }
        if (rule.many2one("trg_selection_field_id").map(OdooRecord.Many2one::id).orElse(-1L) != selection) {
            ruleChanges.put("trg_selection_field_id", selection);
            changes.add("state set to " + wanted.rule().state());
        }
        if (!rule.ids("trigger_field_ids").equals(List.of(wanted.stateField()))) {
            ruleChanges.put("trigger_field_ids", List.of(replaceAll(List.of(wanted.stateField()))));
            changes.add("trigger field set to state");
        }
        List<Long> actionIds = rule.ids("action_server_ids");
        Uni<Void> actionWrite = actionIds.isEmpty()
                ? addAction(wanted, ruleChanges, changes)
                : odoo.read("ir.actions.server", actionIds, ACTION_FIELDS)
                        .chain(actions -> updateAction(wanted, actions, ruleChanges, changes));
        return actionWrite
                .chain(() -> ruleChanges.isEmpty() ? Uni.createFrom().voidItem()
                        : odoo.write("base.automation", List.of(rule.id()), ruleChanges))
                .map(ignored -> new RuleOutcome(wanted.rule().name(),
                        changes.size() > notes.size() ? RuleOutcome.Outcome.UPDATED : RuleOutcome.Outcome.UNCHANGED,
                        rule.id(), changes));
    }

    /** The rule's webhook action, corrected where it differs; another action on the rule is left alone. */
    private Uni<Void> updateAction(Wanted wanted, List<OdooRecord> actions, Map<String, Object> ruleChanges,
            List<String> changes) {
        Optional<OdooRecord> webhook = actions.stream()
                .filter(action -> "webhook".equals(action.text("state").orElse(null))).findFirst();
        if (webhook.isEmpty()) {
            return addAction(wanted, ruleChanges, changes);
        }
        OdooRecord action = webhook.get();
        Map<String, Object> actionChanges = new LinkedHashMap<>();
        if (!wanted.rule().webhookUrl().equals(action.text("webhook_url").orElse(null))) {
            actionChanges.put("webhook_url", wanted.rule().webhookUrl());
            changes.add("webhook URL replaced");
        }
        if (!new HashSet<>(action.ids("webhook_field_ids")).equals(new HashSet<>(wanted.webhookFields()))) {
            actionChanges.put("webhook_field_ids", List.of(replaceAll(wanted.webhookFields())));
            changes.add("webhook fields set to " + wanted.rule().fields().size() + " fields");
        }
        return actionChanges.isEmpty() ? Uni.createFrom().voidItem()
                : odoo.write("ir.actions.server", List.of(action.id()), actionChanges);
    }

    private Uni<Void> addAction(Wanted wanted, Map<String, Object> ruleChanges, List<String> changes) {
        ruleChanges.put("action_server_ids", List.of(List.of(0, 0, actionValues(wanted))));
        changes.add("webhook action added");
        return Uni.createFrom().voidItem();
    }

    private static Map<String, Object> actionValues(Wanted wanted) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("name", "Send to Carrier Hub (" + wanted.rule().state() + ")");
        action.put("model_id", wanted.modelId());
        action.put("usage", "base_automation");
        action.put("state", "webhook");
        action.put("webhook_url", wanted.rule().webhookUrl());
        action.put("webhook_field_ids", List.of(replaceAll(wanted.webhookFields())));
        return action;
    }

    /** Odoo's x2many command (6, 0, ids): replace the whole set with these ids. */
    private static List<Object> replaceAll(List<Long> ids) {
        return List.of(6, 0, ids);
    }

    private Uni<Long> modelId(String model) {
        return odoo.searchRead("ir.model", List.of(List.of("model", "=", model)), List.of("model"), 0, 1, null)
                .map(rows -> rows.stream().findFirst().map(OdooRecord::id).orElseThrow(() -> new OdooOnboardingException(
                        "model " + model + " is not in this Odoo: is the Inventory app installed?")));
    }

    private Uni<Map<String, Long>> fieldIds(String model, List<String> names) {
        return odoo.searchRead("ir.model.fields", List.of(List.of("model", "=", model), List.of("name", "in", names)),
                List.of("name", "ttype"), 0, 0, null).map(rows -> {
                    Map<String, Long> ids = new LinkedHashMap<>();
                    rows.forEach(row -> row.text("name").ifPresent(name -> ids.put(name, row.id())));
                    return ids;
                });
    }

    private Uni<Long> selectionId(WebhookRule rule, long stateField) {
        return odoo.searchRead("ir.model.fields.selection",
                        List.of(List.of("field_id", "=", stateField), List.of("value", "=", rule.state())),
                        List.of("value", "name"), 0, 1, null)
                .map(rows -> rows.stream().findFirst().map(OdooRecord::id).orElseThrow(() -> new OdooOnboardingException(
                        rule.model() + " has no state " + rule.state())));
    }

    /** The rule of that name on that model, archived or not (the oldest, should a person have made copies). */
    private Uni<Optional<OdooRecord>> existing(WebhookRule rule, long modelId) {
        return odoo.searchRead("base.automation", List.of(List.of("name", "=", rule.name()),
                        List.of("model_id", "=", modelId), List.of("active", "in", List.of(true, false))),
                RULE_FIELDS, 0, 1, "id asc")
                .map(rows -> rows.stream().findFirst());
    }

    /** The rule as it should be in this Odoo: its model, its state field and the ids of the fields it sends. */
    private record Wanted(WebhookRule rule, long modelId, long stateField, List<Long> webhookFields) {
    }
}
