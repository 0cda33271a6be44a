package dev.parley.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.cli.ParleyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int parley(String... args) {
        CommandLine cli = new CommandLine(new ParleyCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void demoShowsEveryInteractionStyleAndTheHandledFailure() {
        int exit = parley("demo");

        assertThat(err.toString()).isEmpty();
        assertThat(exit).as("exit code; output:%n%s", out).isZero();
        assertThat(out.toString())
                .contains("request/response", "request/async-response", "notification", "publish/subscribe",
                        "publish/async-response")
                .contains("caught PassengerNotFound(\"no passenger p-404\"), trip refused")
                .contains("trip t-2 REFUSED")
                .contains("received by dispatcher, notification")
                .contains("best driver-2 EUR 11.80; declined: driver-3")
                .contains("7 interactions, 5 of 5 interaction styles, 1 failure handled, 0 unexpected");
    }

    @Test
    void demoCanRunTwiceInOneProcess() {
        // The local: transport is JVM-wide; a run that left a registration behind would break the next one.
        assertThat(parley("demo")).isZero();
        assertThat(parley("demo")).as("second run; output:%n%s", out).isZero();
        assertThat(out.toString()).doesNotContain("unexpected:");
    }

    @Test
    void exitsOneWhenAServiceFailsUnexpectedly() {
        // A second trip service at the same local: address competes with the demo's own: one of the two
        // rides, whichever the round-robin gives it, gets this failure instead of a trip.
        try (Parley rogue = Parley.builder().instance("rogue").build()) {
            rogue.serve(TripService.class, request -> CompletableFuture.failedFuture(
                    new ParleyException(Status.UNAVAILABLE, "rogue trip service")), "local:trips");

            assertThat(parley("demo", "--cold")).as("exit code; output:%n%s", out).isEqualTo(1);
        }
        assertThat(out.toString()).contains("FAILED UNAVAILABLE: rogue trip service", "1 unexpected");
    }

    @Test
    void withoutSubcommandPrintsUsage() {
        assertThat(parley()).isZero();
        assertThat(out.toString()).contains("Usage: parley", "demo");
    }
}
