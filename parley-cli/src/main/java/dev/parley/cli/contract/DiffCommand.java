package dev.parley.cli.contract;

import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.CompatibilityChecker;
import dev.parley.contract.tools.DiffReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley contract diff OLD NEW}: every change, classified; exit 1 when a minor bump breaks. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two versions of a contract and classifies every change as breaking, compatible "
                + "or cosmetic (rule catalogue: docs/evolution.md).",
                "OLD and NEW are model JSON files (parley contract export) or contract interface names.",
                "Exit status: 0 compatible, or breaking in a new major version; 1 breaking changes within one major "
                        + "version; 2 bad input."})
public final class DiffCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The old version: a .json model, an OpenAPI document (.yaml, .yml, .json) or a class name.")
    private String oldSource = "";

    @Parameters(index = "1", paramLabel = "NEW", description = "The new version: a .json model, an OpenAPI document (.yaml, .yml, .json) or a class name.")
    private String newSource = "";

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH",
            description = "Where to find contract classes (directories and jars, separated by the path separator).")
    private @Nullable String classpath;

    @Option(names = "--old-classpath", paramLabel = "PATH", description = "Class path for OLD (default: --classpath).")
    private @Nullable String oldClasspath;

    @Option(names = "--new-classpath", paramLabel = "PATH", description = "Class path for NEW (default: --classpath).")
    private @Nullable String newClasspath;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ApiModel oldModel;
        ApiModel newModel;
        try {
            oldModel = Sources.load(oldSource, oldClasspath != null ? oldClasspath : classpath);
            newModel = Sources.load(newSource, newClasspath != null ? newClasspath : classpath);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("parley contract diff: " + e.getMessage());
            return Sources.BAD_INPUT;
        }
        DiffReport report = CompatibilityChecker.compare(oldModel, newModel);
        out.print(json ? report.json() : report.text());
        out.flush();
        return report.failed() ? 1 : 0;
    }
}
