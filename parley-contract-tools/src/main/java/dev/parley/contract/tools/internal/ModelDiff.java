package dev.parley.contract.tools.internal;

import dev.parley.contract.InteractionStyle;
import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.Change;
import dev.parley.contract.tools.DiffReport;
import dev.parley.contract.tools.OperationModel;
import dev.parley.contract.tools.Rule;
import dev.parley.contract.tools.Schema;
import dev.parley.contract.tools.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The checker: contract, then operations, then their messages through {@link SchemaDiff}. */
public final class ModelDiff {

    private static final Set<InteractionStyle> SAME_EXCHANGE =
            Set.of(InteractionStyle.REQUEST_RESPONSE, InteractionStyle.REQUEST_ASYNC_RESPONSE);

    private final ApiModel oldModel;
    private final ApiModel newModel;
    private final Set<Change> changes = new LinkedHashSet<>();
    private final SchemaDiff schemas;

    private ModelDiff(ApiModel oldModel, ApiModel newModel) {
        this.oldModel = oldModel;
        this.newModel = newModel;
        this.schemas = new SchemaDiff(oldModel, newModel, changes);
    }

    public static DiffReport compare(ApiModel oldModel, ApiModel newModel) {
        ModelDiff diff = new ModelDiff(oldModel, newModel);
        diff.contract();
        diff.operations();
        diff.versionBump();
        List<Change> sorted = new ArrayList<>(diff.changes);
        sorted.sort(Comparator.comparing(Change::severity));
        return new DiffReport(oldModel.toString(), newModel.toString(), newModel.major() > oldModel.major(), sorted);
    }

    private void contract() {
        if (!oldModel.name().equals(newModel.name())) {
            changes.add(new Change(Rule.CONTRACT_RENAMED, "contract", oldModel.name() + " -> " + newModel.name()));
        }
        if (oldModel.kind() != newModel.kind()) {
            changes.add(new Change(Rule.CONTRACT_KIND_CHANGED, "contract", oldModel.kind() + " -> " + newModel.kind()));
        }
        if (versionOrder().compare(newModel, oldModel) < 0) {
            changes.add(new Change(Rule.VERSION_DECREASED, "version", oldModel.version() + " -> " + newModel.version()));
        }
    }

    private void versionBump() {
        boolean wireChange = changes.stream().anyMatch(c -> c.severity() != Severity.COSMETIC);
        if (wireChange && versionOrder().compare(newModel, oldModel) == 0) {
            changes.add(new Change(Rule.VERSION_NOT_BUMPED, "version", "still " + newModel.version()));
        }
    }

    private static Comparator<ApiModel> versionOrder() {
        return Comparator.comparingInt(ApiModel::major).thenComparingInt(ApiModel::minor);
    }

    private void operations() {
        List<OperationModel> removed = new ArrayList<>();
        List<OperationModel> added = new ArrayList<>();
        Set<String> newNames = new HashSet<>();
        newModel.operations().forEach(op -> newNames.add(op.name()));
        for (OperationModel o : oldModel.operations()) {
            OperationModel n = newModel.operation(o.name());
            if (n == null) {
                removed.add(o);
            } else {
                operation(o, n);
            }
            newNames.remove(o.name());
        }
        newNames.forEach(name -> added.add(Objects.requireNonNull(newModel.operation(name))));
        for (OperationModel o : removed) {
            OperationModel renamed = added.stream().filter(a -> sameShape(o, a)).findFirst().orElse(null);
            if (renamed != null) {
                added.remove(renamed);
                changes.add(new Change(Rule.OPERATION_RENAMED, o.name(), "renamed to " + renamed.name()
                        + "? (same style and messages)"));
            } else {
                changes.add(new Change(Rule.OPERATION_REMOVED, o.name(), "removed (" + o.style() + ")"));
            }
        }
        added.stream().sorted(Comparator.comparing(OperationModel::name)).forEach(a ->
                changes.add(new Change(Rule.OPERATION_ADDED, a.name(), "added (" + a.style() + ")")));
    }

    private static boolean sameShape(OperationModel a, OperationModel b) {
        return a.style() == b.style() && Objects.equals(SchemaDiff.describe(a.input()), SchemaDiff.describe(b.input()))
                && Objects.equals(SchemaDiff.describe(a.output()), SchemaDiff.describe(b.output()));
    }

    private void operation(OperationModel o, OperationModel n) {
        String at = n.name();
        if (o.style() != n.style()) {
            Rule rule = SAME_EXCHANGE.contains(o.style()) && SAME_EXCHANGE.contains(n.style())
                    ? Rule.STYLE_SYNC_ASYNC : Rule.STYLE_CHANGED;
            changes.add(new Change(rule, at, o.style() + " -> " + n.style()));
        }
        message(o.input(), n.input(), Direction.ofInput(n.style()), at + ".input",
                Rule.PARAMETER_ADDED, Rule.PARAMETER_REMOVED);
        message(o.output(), n.output(), Direction.ofOutput(n.style()), at + ".output",
                Rule.RESULT_ADDED, Rule.RESULT_REMOVED);
        for (String e : n.errors()) {
            if (!o.errors().contains(e)) {
                changes.add(new Change(Rule.EXCEPTION_ADDED, at, "throws " + e));
            }
        }
        for (String e : o.errors()) {
            if (!n.errors().contains(e)) {
                changes.add(new Change(Rule.EXCEPTION_REMOVED, at, "no longer throws " + e));
            }
        }
        if (o.idempotent() != n.idempotent()) {
            changes.add(new Change(n.idempotent() ? Rule.IDEMPOTENCY_ADDED : Rule.IDEMPOTENCY_REMOVED, at,
                    n.idempotent() ? "now @Idempotent" : "no longer @Idempotent"));
        }
        if (!Objects.equals(o.timeoutMillis(), n.timeoutMillis())) {
            changes.add(new Change(Rule.TIMEOUT_CHANGED, at, millis(o.timeoutMillis()) + " -> " + millis(n.timeoutMillis())));
        }
        bindings(o, n, at);
        if (o.nonBlocking() != n.nonBlocking()) {
            changes.add(new Change(Rule.NON_BLOCKING_CHANGED, at, o.nonBlocking() + " -> " + n.nonBlocking()));
        }
    }

    private void bindings(OperationModel o, OperationModel n, String at) {
        o.bindings().forEach((binding, mapping) -> {
            String now = n.bindings().get(binding);
            if (now == null) {
                changes.add(new Change(Rule.BINDING_REMOVED, at, binding + ": " + mapping + " -> none"));
            } else if (!now.equals(mapping)) {
                changes.add(new Change(Rule.BINDING_CHANGED, at, binding + ": " + mapping + " -> " + now));
            }
        });
        n.bindings().forEach((binding, mapping) -> {
            if (!o.bindings().containsKey(binding)) {
                changes.add(new Change(Rule.BINDING_ADDED, at, binding + ": none -> " + mapping));
            }
        });
    }

    private void message(@Nullable Schema o, @Nullable Schema n, Direction d, String at, Rule added, Rule removed) {
        if (o == null && n != null) {
            changes.add(new Change(added, at, "none -> " + n.describe()));
        } else if (o != null && n == null) {
            changes.add(new Change(removed, at, o.describe() + " -> none"));
        } else if (o != null && n != null) {
            schemas.compare(o, n, d, at);
        }
    }

    private static String millis(@Nullable Long ms) {
        return ms == null ? "the client's" : ms + " ms";
    }
}
