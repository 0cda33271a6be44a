package dev.parley.cli.calls;

import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.service.CallStats;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code parley calls ADDRESS}: who calls which version of the contracts a server serves. */
@Command(name = "calls", mixinStandardHelpOptions = true,
        description = {"Shows a server's call counts by contract, the version each caller was built against, and "
                + "caller name (\"who still calls v1?\", docs/evolution.md).",
                "The server serves its CallCounter as the CallStats contract at ADDRESS, e.g. "
                        + "http://host:8080 or tcp://host:7000.",
                "Exit status: 0 shown; 1 the server did not answer; 2 bad input."})
public final class CallsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ADDRESS", description = "Where the server serves CallStats.")
    private String address = "";

    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long to wait (default: ${DEFAULT-VALUE}).",
            defaultValue = "PT5S")
    private Duration timeout = Duration.ofSeconds(5);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Parley parley = Parley.builder().instance("parley-cli-calls").build()) {
            CallStats stats;
            try {
                stats = parley.client(CallStats.class).at(address).timeout(timeout).name("parley-cli").build();
            } catch (ParleyException e) {
                err.println("parley calls: " + e.getMessage()); // no transport takes this address
                return 2;
            }
            out.print(stats.calls().table());
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("parley calls: " + e.getMessage());
            return 2;
        } catch (ParleyException e) {
            err.println("parley calls: " + address + " did not answer: " + e.status() + " " + e.getMessage());
            return 1;
        }
    }
}
