package dev.parley.service;

import dev.parley.Contract;
import dev.parley.http.Get;
import java.util.List;

/**
 * The counts of a {@link CallCounter} as a contract of their own, so they can be read from outside the
 * process over any transport: serve the counter itself,
 * {@code parley.serve(CallStats.class, counter, "http://0.0.0.0:8080")}, and read
 * {@code GET /v1/parley/calls} with curl, or {@code parley calls http://host:8080} with the CLI.
 */
@Contract(name = "parley-calls", version = "1.0")
public interface CallStats {

    /** Every row of the count: contract, version the caller was built against, caller, calls. */
    @Get("/parley/calls")
    Report calls();

    /** What {@link #calls()} answers. */
    record Report(List<CallCounter.Usage> rows) {

        public Report {
            rows = List.copyOf(rows);
        }

        /** The rows as a table for people. */
        public String table() {
            return CallCounter.table(rows);
        }
    }
}
