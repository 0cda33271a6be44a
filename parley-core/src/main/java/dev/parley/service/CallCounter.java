package dev.parley.service;

import dev.parley.message.HeaderNames;
import dev.parley.message.Message;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * "Who still calls v1?": a server filter that counts the requests it sees by contract, the version the caller
 * was built against ({@code parley-version}) and the caller's name ({@code parley-client}, set with
 * {@code client(...).name(...)}), so that an old version can be retired knowingly.
 *
 * <pre>{@code
 * CallCounter calls = new CallCounter();
 * Parley server = Parley.builder().serverFilter(calls).build();
 * ...
 * System.out.print(calls.table());   // trips 1.0 billing 1234 ...
 * }</pre>
 *
 * Caller names come from the wire, so the number of distinct (contract, version, caller) rows is capped
 * ({@link #DEFAULT_MAX_ROWS} by default); calls past the cap count under the caller {@value #OTHER}.
 */
public final class CallCounter implements Filter {

    /** The most distinct rows kept unless the constructor says otherwise. */
    public static final int DEFAULT_MAX_ROWS = 1000;
    /** The caller of a request that names none. */
    public static final String UNNAMED = "(unnamed)";
    /** The caller that calls past the row cap count under. */
    public static final String OTHER = "(other)";

    private final int maxRows;
    private final Map<Row, LongAdder> counts = new ConcurrentHashMap<>();

    public CallCounter() {
        this(DEFAULT_MAX_ROWS);
    }

    public CallCounter(int maxRows) {
        if (maxRows <= 0) {
            throw new IllegalArgumentException("maxRows: " + maxRows + " (expected: > 0)");
        }
        this.maxRows = maxRows;
    }

    /**
     * One row of the count.
     *
     * @param contract the contract's name
     * @param version the version the caller was built against, {@code major.minor}
     * @param client the caller's name, {@link #UNNAMED} or {@link #OTHER}
     * @param calls how many requests
     */
    public record Usage(String contract, String version, String client, long calls) {
    }

    @Override
    public CompletionStage<Message> filter(Message request, Service next) {
        Row row = new Row(orDash(request.header(HeaderNames.CONTRACT)), orDash(request.header(HeaderNames.VERSION)),
                orUnnamed(request.header(HeaderNames.CLIENT)));
        LongAdder count = counts.get(row);
        if (count == null) {
            count = counts.size() < maxRows ? counts.computeIfAbsent(row, r -> new LongAdder())
                    : counts.computeIfAbsent(new Row(row.contract, row.version, OTHER), r -> new LongAdder());
        }
        count.increment();
        return next.call(request);
    }

    /** Every row, by contract, version and caller. */
    public List<Usage> usage() {
        List<Usage> rows = new ArrayList<>();
        counts.forEach((r, n) -> rows.add(new Usage(r.contract, r.version, r.client, n.sum())));
        rows.sort(Comparator.comparing(Usage::contract).thenComparing(Usage::version).thenComparing(Usage::client));
        return rows;
    }

    /** How many requests {@code contract} got from callers built against {@code version} (any minor: {@code 1}). */
    public long calls(String contract, String version) {
        return usage().stream().filter(u -> u.contract().equals(contract)
                && (u.version().equals(version) || u.version().startsWith(version + ".")))
                .mapToLong(Usage::calls).sum();
    }

    /** The count as a table for people: contract, version, caller, calls. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %-8s %-24s %10s%n",
                "contract", "version", "caller", "calls"));
        for (Usage u : usage()) {
            sb.append(String.format(Locale.ROOT, "%-24s %-8s %-24s %10d%n", u.contract(), u.version(), u.client(),
                    u.calls()));
        }
        return sb.toString();
    }

    @Override
    public String name() {
        return "call-counter";
    }

    private static String orDash(@Nullable String value) {
        return value == null ? "-" : value;
    }

    private static String orUnnamed(@Nullable String value) {
        return value == null || value.isEmpty() ? UNNAMED : value;
    }

    private record Row(String contract, String version, String client) {
    }
}
