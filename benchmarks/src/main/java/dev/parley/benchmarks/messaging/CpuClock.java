package dev.parley.benchmarks.messaging;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent so far, in nanoseconds: by this JVM (the benchmark's clients), and by the whole machine (from
 * {@code /proc/stat}, in steps of a clock tick, 10 ms). Their difference is what the rest of the machine spent:
 * the broker, when it runs outside this JVM, and the kernel's loopback work. The paired scenarios take
 * readings around each peer's turn, so each peer is charged what its own turn cost (docs/benchmarks.md).
 * Without {@code /proc/stat} (not Linux) the machine reads as {@code NaN}.
 */
final class CpuClock {

    private static final Path STAT = Path.of("/proc/stat");
    /** Linux's USER_HZ: the unit of {@code /proc/stat}. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One reading: this JVM's CPU time and the machine's busy time, both in ns. */
    record Reading(long process, double machine) {

        /** What the interval from {@code start} to this reading cost: this JVM, then the rest of the machine. */
        Reading since(Reading start) {
            return new Reading(process - start.process, machine - start.machine);
        }

        /** The rest of the machine's share of an interval's cost. */
        double others() {
            return machine - process;
        }
    }

    private CpuClock() {
    }

    static Reading now() {
        return new Reading(OS.getProcessCpuTime(), machineBusy());
    }

    /** Ticks every CPU spent doing anything but idling or waiting for I/O since boot, in ns. */
    private static double machineBusy() {
        String first;
        try (var lines = Files.lines(STAT)) {
            first = lines.findFirst().orElse("");
        } catch (IOException | UnsupportedOperationException e) {
            return Double.NaN;
        }
        String[] f = first.trim().split("\\s+"); // cpu user nice system idle iowait irq softirq steal ...
        if (f.length < 8 || !f[0].equals("cpu")) {
            return Double.NaN;
        }
        long busy = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            if (i != 4 && i != 5) { // idle, iowait
                busy += Long.parseLong(f[i]);
            }
        }
        return (double) busy * NANOS_PER_TICK;
    }
}
