package dev.parley.cli.contract;

import dev.parley.contract.tools.ApiModel;
import dev.parley.contract.tools.AsyncApiExporter;
import dev.parley.contract.tools.ModelJson;
import dev.parley.contract.tools.ModelSources;
import dev.parley.contract.tools.OpenApiExporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley contract export CONTRACT}: the contract's model JSON (a baseline), AsyncAPI or OpenAPI document. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a contract as a model JSON file (the baseline a build compares against), as an "
                + "AsyncAPI 3.0 document, or as an OpenAPI 3.1 document (its operations as the HTTP binding maps them)."})
public final class ExportCommand implements Callable<Integer> {

    /** What to write. */
    enum Format { model, asyncapi, openapi }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONTRACT", description = "A contract interface name, or a .json model.")
    private String source = "";

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH", description = "Where to find the contract classes.")
    private @Nullable String classpath;

    @Option(names = {"-f", "--format"}, description = "model (default), asyncapi or openapi (a contract class only).")
    private Format format = Format.model;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of the output.")
    private @Nullable Path output;

    @Override
    public Integer call() throws IOException {
        String text;
        try {
            if (format == Format.openapi) {
                if (source.endsWith(".json") || source.endsWith(".yaml") || source.endsWith(".yml")) {
                    throw new IllegalArgumentException(source + ": --format openapi exports a contract interface (the"
                            + " HTTP mapping is in its annotations), not a file");
                }
                text = ModelSources.withContract(source, Sources.paths(classpath), Sources.class.getClassLoader(),
                        c -> OpenApiExporter.export(c).toPrettyString()) + "\n";
            } else {
                ApiModel model = Sources.load(source, classpath);
                text = format == Format.model ? ModelJson.write(model) : AsyncApiExporter.exportJson(model);
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("parley contract export: " + e.getMessage());
            return Sources.BAD_INPUT;
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text);
        }
        return 0;
    }
}
