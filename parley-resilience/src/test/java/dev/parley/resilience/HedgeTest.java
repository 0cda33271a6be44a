package dev.parley.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.CallContext;
import dev.parley.Contract;
import dev.parley.Idempotent;
import dev.parley.Parley;
import dev.parley.message.HeaderNames;
import dev.parley.testkit.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hedged requests on a manual clock, sync and async: the backup wins and the slow primary is cancelled. */
class HedgeTest {

    enum Mode { SYNC, ASYNC }

    record Key(String id) {
    }

    @Contract(name = "catalog")
    public interface Catalog {
        @Idempotent
        String find(Key k);

        String reserve(Key k);
    }

    @Contract(name = "catalog")
    public interface AsyncCatalog {
        @Idempotent
        CompletableFuture<String> find(Key k);

        CompletableFuture<String> reserve(Key k);
    }

    /** The first attempt hangs until cancelled; a backup answers at once. */
    static final class SlowFirst implements Catalog {
        final CountDownLatch primaryStarted = new CountDownLatch(1);
        final CountDownLatch primaryCancelled = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String find(Key k) {
            if (CallContext.current().headers().get(HeaderNames.ATTEMPT) != null) {
                return "backup answered " + k.id();
            }
            primaryStarted.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
                return "primary answered " + k.id();
            } catch (InterruptedException e) {
                primaryCancelled.countDown();
                return "interrupted";
            }
        }

        @Override
        public String reserve(Key k) {
            return find(k);
        }
    }

    private static int next;
    private final ManualScheduler clock = new ManualScheduler();
    private final Parley server = Parley.builder().scheduler(clock).build();
    private final Parley client = Parley.builder().scheduler(clock).build();
    private final SlowFirst catalog = new SlowFirst();
    private final String address = "local:catalog-" + (++next);
    private final List<ResilienceEvent> events = new CopyOnWriteArrayList<>();
    private final Hedge hedge = Hedge.after(Duration.ofMillis(50), events::add);

    HedgeTest() {
        server.serve(Catalog.class, catalog, address);
    }

    @AfterEach
    void close() {
        catalog.release.countDown();
        client.close();
        server.close();
    }

    private CompletableFuture<String> call(Mode mode, String op) {
        if (mode == Mode.ASYNC) {
            AsyncCatalog c = client.client(AsyncCatalog.class).at(address).policy(hedge).build();
            return op.equals("find") ? c.find(new Key("k1")) : c.reserve(new Key("k1"));
        }
        Catalog c = client.client(Catalog.class).at(address).policy(hedge).build();
        return CompletableFuture.supplyAsync(() -> op.equals("find") ? c.find(new Key("k1")) : c.reserve(new Key("k1")));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void slowIdempotentCallIsHedgedAndTheLoserCancelled(Mode mode) throws Exception {
        CompletableFuture<String> call = call(mode, "find");
        assertThat(catalog.primaryStarted.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofMillis(49));
        assertThat(call).isNotDone();
        assertThat(events).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("backup answered k1");
        assertThat(catalog.primaryCancelled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly(new ResilienceEvent.HedgeSent("catalog.find", Duration.ofMillis(50)));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void operationThatIsNotIdempotentIsNeverHedged(Mode mode) throws Exception {
        CompletableFuture<String> call = call(mode, "reserve");
        assertThat(catalog.primaryStarted.await(10, TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(call).isNotDone();
        catalog.release.countDown();
        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("primary answered k1");
        assertThat(events).isEmpty();
    }
}
