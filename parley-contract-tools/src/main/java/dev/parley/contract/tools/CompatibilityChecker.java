package dev.parley.contract.tools;

import dev.parley.contract.tools.internal.ModelDiff;

/**
 * Compares two versions of a contract and classifies every change as breaking, compatible or cosmetic by the
 * {@link Rule} catalogue (docs/evolution.md). The question it answers: does the NEW version still work with
 * every party built against the OLD one?
 *
 * <pre>{@code
 * DiffReport report = CompatibilityChecker.compare(ApiModel.of(TripsV1.class), ApiModel.of(Trips.class));
 * if (report.failed()) System.err.print(report.text());
 * }</pre>
 */
public final class CompatibilityChecker {

    private CompatibilityChecker() {
    }

    public static DiffReport compare(ApiModel oldModel, ApiModel newModel) {
        return ModelDiff.compare(oldModel, newModel);
    }
}
