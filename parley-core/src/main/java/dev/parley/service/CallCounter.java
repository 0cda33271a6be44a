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
import java.util.concurrent.atomic.AtomicInteger;
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
 * server.serve(CallStats.class, calls, "http://0.0.0.0:8080");   // GET /v1/parley/calls, parley calls ...
 * }</pre>
 *
 * Caller names come from the wire, so the number of distinct (contract, version, caller) rows is capped
 * ({@link #DEFAULT_MAX_ROWS} by default); calls past the cap count under the caller {@value #OTHER}.
 */
public final class CallCounter implements Filter, CallStats {

    /** The most distinct rows kept unless the constructor says otherwise. */
    public static final int DEFAULT_MAX_ROWS = 1000;
    /** The caller of a request that names none. */
    public static final String UNNAMED = "(unnamed)";
    /** The caller that calls past the row cap count under. */
    public static final String OTHER = "(other)";

    private final int maxRows;
    /** Contract, then version, then caller: nested so that counting a call allocates nothing once its row exists. */
    private final Map<String, Map<String, Map<String, LongAdder>>> counts = new ConcurrentHashMap<>();
    private final AtomicInteger rows = new AtomicInteger();

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
        row(orDash(request.header(HeaderNames.CONTRACT)), orDash(request.header(HeaderNames.VERSION)),
                orUnnamed(request.header(HeaderNames.CLIENT))).increment();
        return next.call(request);
    }

    /**
     * The row's counter; past the cap, whatever part of the row is new (version and caller come from the wire)
     * counts as {@value #OTHER}. The cap may be passed by a few rows under a race, never without bound.
     */
    private LongAdder row(String contract, String version, String client) {
        Map<String, Map<String, LongAdder>> versions = counts.get(contract);
        Map<String, LongAdder> callers = versions == null ? null : versions.get(version);
        LongAdder count = callers == null ? null : callers.get(client);
        if (count != null) {
            return count;
        }
        boolean full = rows.get() >= maxRows;
        String c = full && versions == null ? OTHER : contract;
        String v = full && callers == null ? OTHER : version;
        String n = full ? OTHER : client;
        return counts.computeIfAbsent(c, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(v, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(n, this::newRow);
    }

    private LongAdder newRow(String client) {
        rows.incrementAndGet();
        return new LongAdder();
    }

    /** Every row, by contract, version and caller. */
    public List<Usage> usage() {
        List<Usage> usage = new ArrayList<>();
        counts.forEach((contract, versions) -> versions.forEach((version, callers) -> callers.forEach(
                (client, n) -> usage.add(new Usage(contract, version, client, n.sum())))));
        usage.sort(Comparator.comparing(Usage::contract).thenComparing(Usage::version).thenComparing(Usage::client));
        return usage;
    }

    /** How many requests {@code contract} got from callers built against {@code version} (any minor: {@code 1}). */
    public long calls(String contract, String version) {
        return usage().stream().filter(u -> u.contract().equals(contract)
                && (u.version().equals(version) || u.version().startsWith(version + ".")))
                .mapToLong(Usage::calls).sum();
    }

    /** The count as a table for people: contract, version, caller, calls. */
    public String table() {
        return table(usage());
    }

    /** The count, for callers in other processes: serve this counter as {@link CallStats}. */
    @Override
    public Report calls() {
        return new Report(usage());
    }

    static String table(List<Usage> usage) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-24s %-8s %-24s %10s%n",
                "contract", "version", "caller", "calls"));
        for (Usage u : usage) {
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
}
