package dev.parley.cli.contract;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code parley contract}: the contract tools. */
@Command(name = "contract", mixinStandardHelpOptions = true,
        description = "Compare two versions of a contract, export one, or generate one from OpenAPI (docs/evolution.md).",
        subcommands = {DiffCommand.class, ExportCommand.class, GenerateCommand.class})
public final class ContractCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
