package dev.parley.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code parley demo}: the taxi-hailing flow, every interaction style, one table line per interaction. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the taxi-hailing flow in one process: passenger management, trip management, "
                + "dispatcher, drivers, notification and a passenger, each its own Parley runtime over local:.",
                "Exits 1 when anything unexpected failed."})
public final class DemoCommand implements Callable<Integer> {

    /** Any wait of the demo longer than this is a failure; a healthy run takes a fraction of it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Spec
    private CommandSpec spec;

    @Option(names = "--cold", description = "Skip the warm-up round: latencies then include class loading and "
            + "first-use setup (JSON codecs, proxies).")
    private boolean cold;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!cold) {
            warmUp();
        }
        Journal journal = new Journal(TIMEOUT);
        try (TaxiDemo demo = new TaxiDemo(journal)) {
            out.println("Parley demo: taxi hailing, " + demo.runtimes() + " Parley runtimes (one per service) in one "
                    + "process over local:" + (cold ? ", cold JVM" : ", after a warm-up round"));
            demo.run();
        }
        journal.print(out);
        out.flush();
        return journal.unexpected() == 0 ? 0 : 1;
    }

    /**
     * A first call pays for class loading and for building its JSON codecs, tens of milliseconds that would
     * drown the latencies the table is meant to show. Whatever goes wrong here goes wrong again in the real run.
     */
    private static void warmUp() {
        try (TaxiDemo demo = new TaxiDemo(new Journal(TIMEOUT))) {
            demo.run();
        }
    }
}
