package dev.parley.benchmarks.rest;

import dev.parley.benchmarks.local.Payload;
import dev.parley.benchmarks.rpc.Peer;
import dev.parley.benchmarks.rpc.Pump;
import java.lang.management.ManagementFactory;

/**
 * CPU time per call of each rest peer, client and server together: the process's CPU time over a fixed
 * number of calls at a fixed number of connections. Unlike calls per second it hardly moves when other
 * processes take CPUs from the run, so it is the figure to read on a busy machine (docs/benchmarks.md, rest).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.parley.benchmarks.rest.RestCpuCost [connections] [calls]</pre>
 */
public final class RestCpuCost {

    private RestCpuCost() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= 2; round++) {
            for (String name : System.getProperty("peers", "parley,parley-nonblocking,vertx,armeria").split(",")) {
                try (Peer peer = RestPeer.start(name, connections)) {
                    Pump pump = Pump.of(peer, Payload.ofSize(RestThroughputBenchmark.PAYLOAD_CHARS), connections);
                    pump.send(calls); // warm-up
                    pump.drain();
                    long cpu0 = os.getProcessCpuTime();
                    long wall0 = System.nanoTime();
                    pump.send(calls);
                    pump.drain();
                    long cpu = os.getProcessCpuTime() - cpu0;
                    long wall = System.nanoTime() - wall0;
                    System.out.printf("round %d %-19s connections=%-3d cpu %6.1f us/call  wall %8.0f calls/s%n", round,
                            name, connections, cpu / 1000.0 / calls, calls * 1e9 / wall);
                }
            }
        }
        System.exit(0);
    }
}
