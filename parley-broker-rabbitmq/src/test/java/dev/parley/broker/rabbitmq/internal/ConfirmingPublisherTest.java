package dev.parley.broker.rabbitmq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConfirmListener;
import com.rabbitmq.client.Return;
import com.rabbitmq.client.ReturnCallback;
import com.rabbitmq.client.ShutdownListener;
import com.rabbitmq.client.ShutdownSignalException;
import dev.parley.NotSentException;
import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.testkit.ManualScheduler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The confirm bookkeeping, with the broker's answers played by hand (the real broker's are in the other
 * tests): which stage each confirm, nack, return, loss or silence settles, in virtual time.
 */
class ConfirmingPublisherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ManualScheduler scheduler = new ManualScheduler();
    private ConfirmListener confirms;
    private ReturnCallback returns;
    private ShutdownListener shutdown;
    private long nextSequence = 1;
    private ConfirmingPublisher publisher;

    /** A channel that takes every publish and answers only when the test says so. */
    @BeforeEach
    void channel() throws Exception {
        Channel channel = (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(), new Class<?>[] {Channel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "addConfirmListener" -> {
                        confirms = (ConfirmListener) args[0];
                        yield null;
                    }
                    case "addReturnListener" -> {
                        returns = (ReturnCallback) args[0];
                        yield null;
                    }
                    case "addShutdownListener" -> {
                        shutdown = (ShutdownListener) args[0];
                        yield null;
                    }
                    case "getNextPublishSeqNo" -> nextSequence;
                    case "basicPublish" -> {
                        nextSequence++;
                        yield null;
                    }
                    default -> null;
                });
        publisher = new ConfirmingPublisher(channel, scheduler, TIMEOUT);
    }

    private CompletableFuture<Void> publish(String id, boolean mandatory) {
        return publisher.publish("", "q", mandatory, id, new AMQP.BasicProperties.Builder().messageId(id).build(),
                new byte[0]);
    }

    private static Throwable failure(CompletableFuture<Void> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void aMultipleAckSettlesEverythingUpToItsSequenceAndNoMore() throws Exception {
        CompletableFuture<Void> first = publish("a", false);
        CompletableFuture<Void> second = publish("b", false);
        CompletableFuture<Void> third = publish("c", false);

        confirms.handleAck(2, true);

        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
        assertThat(third).isNotDone();
        assertThat(publisher.outstanding()).isEqualTo(1);
        confirms.handleNack(3, false);
        assertThat(failure(third)).isInstanceOf(ParleyException.class).hasMessageContaining("refused it");
    }

    @Test
    void aMessageWithoutAConfirmFailsUnavailableAfterTheTimeoutAndOnlyIt() throws Exception {
        CompletableFuture<Void> early = publish("early", false);
        scheduler.advance(Duration.ofSeconds(6));
        CompletableFuture<Void> late = publish("late", false);

        scheduler.advance(Duration.ofSeconds(4));
        assertThat(((ParleyException) failure(early)).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(late).isNotDone();
        confirms.handleAck(2, false);
        assertThat(late).isCompleted();
        scheduler.advance(TIMEOUT);
        assertThat(late).isCompletedWithValue(null);
        assertThat(publisher.outstanding()).isZero();
    }

    @Test
    void aReturnedMandatoryMessageFailsNotFoundEvenThoughItsAckFollows() throws Exception {
        CompletableFuture<Void> returned = publish("lost-1", true);
        returns.handle(new Return(AMQP.NO_ROUTE, "NO_ROUTE", "", "q",
                new AMQP.BasicProperties.Builder().messageId("lost-1").build(), new byte[0]));
        confirms.handleAck(1, false);

        assertThat(failure(returned)).isInstanceOf(NotSentException.class)
                .satisfies(e -> assertThat(((NotSentException) e).status()).isEqualTo(Status.NOT_FOUND));
    }

    @Test
    void aLostChannelFailsEveryUnconfirmedMessage() {
        CompletableFuture<Void> a = publish("a", false);
        CompletableFuture<Void> b = publish("b", true);

        shutdown.shutdownCompleted(new ShutdownSignalException(true, false, null, null));

        assertThat(((ParleyException) failure(a)).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(((ParleyException) failure(b)).status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(publisher.outstanding()).isZero();
    }
}
