package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.Contract;
import dev.parley.Parley;
import dev.parley.ParleyException;
import dev.parley.Publish;
import dev.parley.Status;
import dev.parley.message.Message;
import dev.parley.service.Service;
import dev.parley.transport.Registration;
import dev.parley.transport.Transport;
import dev.parley.transport.TransportContext;
import dev.parley.transport.TransportProvider;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A publish waits for the transport's confirm up to the publisher's timeout, on the runtime's clock: a
 * manual clock here, and a transport that confirms only when the test says so.
 */
class PublisherTimeoutTest {

    record Tick(int n) {
    }

    @Contract(name = "pt-events")
    public interface Events {
        @Publish
        void ticked(Tick t);
    }

    /** Keeps every publish's stage for the test to complete. */
    static final class HeldTransport implements Transport {
        final List<CompletableFuture<Registration>> held = new CopyOnWriteArrayList<>();

        @Override
        public Registration serve(URI address, Service handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Service connect(URI address) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration subscribe(URI address, String topic, String group, Service handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Registration> publish(URI address, String topic, Message event,
                @Nullable Consumer<Message> replies) {
            CompletableFuture<Registration> f = new CompletableFuture<>();
            held.add(f);
            return f;
        }

        @Override
        public void close() {
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ManualScheduler clock = new ManualScheduler();
    private final HeldTransport transport = new HeldTransport();
    private final Parley parley = Parley.builder().scheduler(clock).instance("pt").transport(new TransportProvider() {
        @Override
        public List<String> schemes() {
            return List.of("held");
        }

        @Override
        public Transport create(TransportContext context) {
            return transport;
        }
    }).build();
    private final Events publisher = parley.publisher(Events.class).at("held://broker/ticks").timeout(TIMEOUT).build();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void close() {
        threads.shutdownNow();
        parley.close();
    }

    /** Publishes from {@code count} threads, one after the other, so publish i holds the i-th stage. */
    private List<Future<?>> publish(int count) {
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            int before = transport.held.size();
            all.add(threads.submit(() -> publisher.ticked(new Tick(n))));
            await().until(() -> transport.held.size() == before + 1);
        }
        return all;
    }

    /** How the publish ended; it must have ended already (or nearly: the thread wakes after the clock moved). */
    private static @Nullable Throwable failure(Future<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void aPublishNotConfirmedWithinTheTimeoutFailsWithDeadlineExceeded() throws Exception {
        Future<?> f = publish(1).getFirst();
        clock.advance(TIMEOUT.minusMillis(1));
        assertThat(f.isDone()).isFalse();

        clock.advance(Duration.ofMillis(1));
        assertThat(failure(f)).isInstanceOfSatisfying(ParleyException.class,
                e -> assertThat(e.status()).isEqualTo(Status.DEADLINE_EXCEEDED));
    }

    @Test
    void onlyThePublishesStillUnconfirmedFailAndEachCountsFromItsOwnStart() throws Exception {
        List<Future<?>> early = publish(4);
        clock.advance(Duration.ofSeconds(2));
        List<Future<?>> late = publish(4);
        transport.held.get(1).complete(() -> { });
        transport.held.get(3).complete(() -> { });
        transport.held.get(5).complete(() -> { });

        clock.advance(Duration.ofSeconds(1)); // the early ones' timeout
        assertThat(failure(early.get(0))).isInstanceOf(ParleyException.class);
        assertThat(failure(early.get(1))).isNull();
        assertThat(failure(early.get(2))).isInstanceOf(ParleyException.class);
        assertThat(failure(early.get(3))).isNull();
        assertThat(List.of(late.get(0), late.get(2), late.get(3))).noneMatch(Future::isDone);

        transport.held.get(6).complete(() -> { });
        clock.advance(Duration.ofSeconds(2)); // the late ones' timeout
        assertThat(failure(late.get(0))).isInstanceOf(ParleyException.class);
        assertThat(failure(late.get(1))).isNull();
        assertThat(failure(late.get(2))).isNull();
        assertThat(failure(late.get(3))).isInstanceOf(ParleyException.class);
    }

    @Test
    void noTimerIsLeftOnceEveryPublishIsConfirmed() throws Exception {
        List<Future<?>> all = publish(3);
        transport.held.forEach(f -> f.complete(() -> { }));
        for (Future<?> f : all) {
            assertThat(failure(f)).isNull();
        }
        clock.advance(TIMEOUT);
        assertThat(clock.pending()).isZero();

        Future<?> again = publish(1).getFirst(); // and the next one is timed again
        clock.advance(TIMEOUT);
        assertThat(failure(again)).isInstanceOf(ParleyException.class);
    }
}
