package dev.parley.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.internal.runtime.Errors;
import dev.parley.message.HeaderNames;
import dev.parley.message.Headers;
import dev.parley.message.Message;
import dev.parley.messaging.MessagingHeaders;
import dev.parley.messaging.MessagingOptions;
import dev.parley.service.Service;
import dev.parley.time.Scheduler;
import dev.parley.transport.TransportContext;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The delivery rules of {@link Inbound}, on an in-memory broker: what is retried, replied, dead-lettered. */
class DeliveryRulesTest {

    private final FakeBroker broker = new FakeBroker();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final MessagingTransport transport = new MessagingTransport((u, c) -> broker,
            new TransportContext(Scheduler.system(), executor, "test"),
            MessagingOptions.DEFAULT.withMaxAttempts(3).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)),
            t -> { }, "fake");
    private final AtomicInteger calls = new AtomicInteger();

    @AfterEach
    void close() {
        transport.close();
        executor.shutdownNow();
    }

    private void serve(Status answer) {
        transport.serve(URI.create("fake://b/orders"), (Service) m -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(answer == Status.OK ? Message.of(Errors.replyHeaders(m))
                    : Errors.reply(m, new ParleyException(answer, "said " + answer), null));
        });
    }

    private static Message notification(String id) {
        return Message.of(Headers.of(HeaderNames.MESSAGE_ID, id, HeaderNames.ONE_WAY, "true"));
    }

    @Test
    void aNotificationThatKeepsFailingIsTriedMaxAttemptsTimesThenDeadLetteredOnce() {
        serve(Status.INTERNAL);
        broker.deliver("orders", notification("n1"), 1);
        await().until(() -> broker.settled.contains("ack n1"));
        assertThat(calls.get()).isEqualTo(3);
        assertThat(broker.sentTo("orders.dlq")).singleElement().satisfies(m -> {
            assertThat(m.header(MessagingHeaders.DEAD_LETTER_STATUS)).isEqualTo("INTERNAL");
            assertThat(m.header(MessagingHeaders.DEAD_LETTER_REASON)).contains("said INTERNAL");
            assertThat(m.header(HeaderNames.ATTEMPT)).isEqualTo("3");
        });
    }

    @Test
    void aDeclaredFailureOfANotificationIsDeadLetteredAtOnce() {
        serve(Status.FAILED_PRECONDITION);
        broker.deliver("orders", notification("n2"), 1);
        await().until(() -> broker.settled.contains("ack n2"));
        assertThat(calls.get()).isEqualTo(1);
        assertThat(broker.sentTo("orders.dlq")).hasSize(1);
    }

    @Test
    void aRequestsErrorIsItsReplyNotADeadLetter() {
        serve(Status.INTERNAL);
        Message request = Message.of(Headers.of(HeaderNames.MESSAGE_ID, "r1", HeaderNames.REPLY_TO, "back"));
        broker.deliver("orders", request, 1);
        await().until(() -> broker.settled.contains("ack r1"));
        assertThat(calls.get()).isEqualTo(1);
        assertThat(broker.sentTo("back")).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(Status.INTERNAL));
        assertThat(broker.sentTo("orders.dlq")).isEmpty();
    }

    @Test
    void aMessageRedeliveredPastTheLimitIsDeadLetteredWithoutRunningTheHandler() {
        serve(Status.OK);
        broker.deliver("orders", notification("n3"), 4);
        await().until(() -> broker.settled.contains("ack n3"));
        assertThat(calls.get()).isZero();
        assertThat(broker.sentTo("orders.dlq").getFirst().header(MessagingHeaders.DEAD_LETTER_STATUS))
                .isEqualTo("ABORTED");
    }

    @Test
    void anExpiredMessageIsDeadLetteredWithDeadlineExceeded() {
        serve(Status.OK);
        Message late = notification("n4").withHeader(MessagingHeaders.DEADLINE_AT,
                Long.toString(System.currentTimeMillis() - 1));
        broker.deliver("orders", late, 1);
        await().until(() -> broker.settled.contains("ack n4"));
        assertThat(calls.get()).isZero();
        assertThat(broker.sentTo("orders.dlq").getFirst().header(MessagingHeaders.DEAD_LETTER_STATUS))
                .isEqualTo("DEADLINE_EXCEEDED");
    }

    @Test
    void aSuccessIsAcknowledgedOnce() {
        serve(Status.OK);
        broker.deliver("orders", notification("n5"), 1);
        await().until(() -> broker.settled.contains("ack n5"));
        assertThat(broker.settled).containsOnlyOnce("ack n5");
        assertThat(broker.sentTo("orders.dlq")).isEmpty();
    }
}
