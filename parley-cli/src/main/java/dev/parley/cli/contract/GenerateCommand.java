package dev.parley.cli.contract;

import dev.parley.contract.tools.ContractGenerator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley contract generate DOC}: the Java contract of an OpenAPI document (contract-first). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generates the Java contract interface (with its HTTP mapping) and its records from an "
                + "OpenAPI 3.x document (YAML or JSON). Operations a contract cannot express are left out and listed."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOC", description = "The OpenAPI document.")
    private Path document = Path.of("");

    @Option(names = {"-p", "--package"}, required = true, paramLabel = "PACKAGE",
            description = "The Java package of the generated types.")
    private String javaPackage = "";

    @Option(names = {"-n", "--name"}, paramLabel = "NAME",
            description = "The contract interface's simple name (default: from the document's title).")
    private @Nullable String name;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "The source root to write into (default: .).")
    private Path output = Path.of(".");

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ContractGenerator.Generated g;
        try {
            if (!Files.isRegularFile(document)) {
                throw new IllegalArgumentException(document + ": no such file");
            }
            g = ContractGenerator.generate(document, javaPackage, name);
            g.writeTo(output);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("parley contract generate: " + e.getMessage());
            return Sources.BAD_INPUT;
        }
        for (String s : g.skipped()) {
            err.println("left out: " + s);
        }
        for (String n : g.notes()) {
            err.println("note: " + n);
        }
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println(g.contract() + " (" + g.model() + "): " + g.files().size() + " files in " + output + ", "
                + g.model().operations().size() + " operations" + (g.skipped().isEmpty() ? ""
                : ", " + g.skipped().size() + " left out (listed above)"));
        out.flush();
        return 0;
    }
}
