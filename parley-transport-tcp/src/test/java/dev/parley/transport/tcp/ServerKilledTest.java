package dev.parley.transport.tcp;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.testkit.FreePorts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A server process killed in the middle of a call: the client hears of it at once, not at its deadline. */
@ExtendWith(NettyLeakCheck.class)
class ServerKilledTest {

    record Job(String name) {
    }

    @Contract(name = "worker")
    public interface Worker {
        CompletableFuture<String> work(Job job);
    }

    /** The server process: serves a worker whose jobs never finish, and says when one has started. */
    public static final class ServerProcess {
        public static void main(String[] args) throws Exception {
            Parley parley = Parley.builder().build();
            parley.serve(Worker.class, job -> {
                System.out.println("STARTED " + job.name());
                System.out.flush();
                return new CompletableFuture<>();
            }, "tcp://127.0.0.1:" + args[0]);
            System.out.println("READY");
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    @Test
    void clientGetsUnavailableWellBeforeItsDeadline() throws Exception {
        int port = FreePorts.next();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                ServerProcess.class.getName(), Integer.toString(port))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (java.io.IOException e) {
                lines.add("read failed: " + e);
            }
        });
        try (Parley client = Parley.builder().build()) {
            assertThat(lines.poll(30, TimeUnit.SECONDS)).isEqualTo("READY");
            Worker worker = client.client(Worker.class).at("tcp://127.0.0.1:" + port)
                    .timeout(Duration.ofSeconds(30)).build();
            CompletableFuture<String> call = worker.work(new Job("forever"));
            assertThat(lines.poll(30, TimeUnit.SECONDS)).isEqualTo("STARTED forever");
            long killed = System.nanoTime();
            server.destroyForcibly();
            try {
                call.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfSatisfying(ParleyException.class, p -> {
                    assertThat(p.status()).isEqualTo(Status.UNAVAILABLE);
                    assertThat(p.getMessage()).contains("127.0.0.1:" + port).contains("closed");
                });
            }
            assertThat(call).isCompletedExceptionally();
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(30));
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
