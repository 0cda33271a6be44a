package dev.parley.cli;

import dev.parley.cli.calls.CallsCommand;
import dev.parley.cli.contract.ContractCommand;
import dev.parley.cli.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code parley} command; each feature is a subcommand. */
@Command(name = "parley", mixinStandardHelpOptions = true, version = "0.1.0-SNAPSHOT",
        description = "Parley: one contract for every interaction style, transport and message format.",
        subcommands = {DemoCommand.class, ContractCommand.class, CallsCommand.class})
public final class ParleyCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ParleyCommand()).execute(args));
    }

    /** Without a subcommand there is nothing to do but say what there is. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
