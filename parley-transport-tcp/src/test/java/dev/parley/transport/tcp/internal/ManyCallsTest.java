package dev.parley.transport.tcp.internal;

import dev.parley.testkit.NettyLeakCheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.Deadline;
import dev.parley.internal.runtime.Errors;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import dev.parley.transport.TransportContext;
import dev.parley.transport.tcp.TcpOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ten thousand calls truly in flight at once, over at most 16 connections. */
@ExtendWith(NettyLeakCheck.class)
class ManyCallsTest {

    private static final int CALLS = 10_000;

    /** Holds every request until all of them have arrived, then answers each with its own body. */
    private static final class Barrier implements Service {
        private final List<CompletableFuture<Message>> replies = new ArrayList<>();
        private final List<Message> requests = new ArrayList<>();

        synchronized int arrived() {
            return replies.size();
        }

        @Override
        public synchronized CompletableFuture<Message> call(Message request) {
            CompletableFuture<Message> reply = new CompletableFuture<>();
            replies.add(reply);
            requests.add(request);
            if (replies.size() == CALLS) {
                for (int i = 0; i < CALLS; i++) {
                    Message r = requests.get(i);
                    replies.get(i).complete(Message.of(Errors.replyHeaders(r), r.body()));
                }
            }
            return reply;
        }
    }

    @Test
    void tenThousandCallsInFlightAtOnceOverAtMostSixteenConnections() throws Exception {
        int port = dev.parley.testkit.FreePorts.next();
        URI address = URI.create("tcp://127.0.0.1:" + port);
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            TcpTransport server = new TcpTransport(new TransportContext(Scheduler.system(), executor, "s"),
                    TcpOptions.DEFAULT, 1);
            TcpTransport client = new TcpTransport(new TransportContext(Scheduler.system(), executor, "c"),
                    TcpOptions.DEFAULT, 1);
            try {
                Barrier barrier = new Barrier();
                TcpServer listening = (TcpServer) server.serve(address, barrier);
                Service service = client.connect(address);
                List<CompletableFuture<Message>> calls = new ArrayList<>(CALLS);
                for (int i = 0; i < CALLS; i++) {
                    Message m = Message.of(Headers.of(HeaderNames.MESSAGE_ID, "m" + i),
                            ("call " + i).getBytes(StandardCharsets.UTF_8))
                            .withDeadline(Deadline.after(Duration.ofSeconds(60)));
                    calls.add(service.call(m).toCompletableFuture());
                }
                try {
                    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    long failed = calls.stream().filter(CompletableFuture::isCompletedExceptionally).count();
                    String first = calls.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst()
                            .map(c -> c.handle((m, x) -> String.valueOf(x)).join()).orElse("none");
                    throw new AssertionError(barrier.arrived() + " of " + CALLS + " reached the server, " + failed
                            + " failed (first: " + first + "), connections " + listening.connectionCount(), e);
                }
                for (int i = 0; i < CALLS; i++) {
                    Message reply = calls.get(i).join();
                    assertThat(reply.header(HeaderNames.CORRELATION_ID)).isEqualTo("m" + i);
                    assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("call " + i);
                }
                assertThat(listening.connectionCount()).isBetween(1, 16);
            } finally {
                client.close();
                server.close();
            }
        }
    }
}
