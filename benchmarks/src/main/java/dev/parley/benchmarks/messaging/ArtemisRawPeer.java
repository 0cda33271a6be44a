package dev.parley.benchmarks.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientConsumer;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientProducer;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.SendAcknowledgementHandler;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.jspecify.annotations.Nullable;

/**
 * The Artemis core client used as a careful user would: durable messages sent asynchronously with a send
 * acknowledgement (the confirm), one multicast address with a durable queue per group, individual
 * acknowledgements. The same settings as Parley's Artemis module, so the comparison is of the layers above.
 * Each message is the event written as JSON, and read back on arrival ({@link RawEvent}).
 */
final class ArtemisRawPeer implements MessagingPeer {

    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private final ClientSession sendSession;
    private final ClientProducer producer;
    private final List<ClientSession> consumers = new ArrayList<>();
    private @Nullable SimpleString address;

    ArtemisRawPeer(String tcpUrl) throws Exception {
        locator = ActiveMQClient.createServerLocator(tcpUrl)
                .setBlockOnDurableSend(false)
                .setBlockOnNonDurableSend(false)
                .setConfirmationWindowSize(1 << 20);
        factory = locator.createSessionFactory();
        sendSession = factory.createSession(null, null, false, true, true, false, 0);
        sendSession.start();
        producer = sendSession.createProducer();
    }

    @Override
    public void open(String topic, int groups, Runnable arrived) throws Exception {
        address = SimpleString.of(topic);
        sendSession.createAddress(address, RoutingType.MULTICAST, false);
        for (int g = 0; g < groups; g++) {
            String queue = topic + ".g" + g;
            sendSession.createQueue(QueueConfiguration.of(queue).setAddress(topic)
                    .setRoutingType(RoutingType.MULTICAST).setDurable(true));
            ClientSession s = factory.createSession(null, null, false, true, true, false, 0);
            ClientConsumer c = s.createConsumer(queue);
            c.setMessageHandler(m -> {
                byte[] got = new byte[m.getBodyBuffer().readableBytes()];
                m.getBodyBuffer().readBytes(got);
                RawEvent.read(got);
                arrived.run();
                try {
                    m.individualAcknowledge();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            s.start();
            consumers.add(s);
        }
    }

    @Override
    public void publish() throws Exception {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        byte[] body = RawEvent.body();
        synchronized (sendSession) {
            ClientMessage m = sendSession.createMessage(true);
            m.putStringProperty("content-type", "application/json");
            m.getBodyBuffer().writeBytes(body);
            producer.send(address, m, new SendAcknowledgementHandler() {
                @Override
                public void sendAcknowledged(org.apache.activemq.artemis.api.core.Message message) {
                    confirmed.complete(null);
                }

                @Override
                public void sendFailed(org.apache.activemq.artemis.api.core.Message message, Exception e) {
                    confirmed.completeExceptionally(e);
                }
            });
        }
        confirmed.join();
    }

    @Override
    public void close() {
        try {
            for (ClientSession s : consumers) {
                s.close();
            }
            sendSession.close();
        } catch (Exception e) {
            // closing the benchmark down: nothing to report
        }
        factory.close();
        locator.close();
    }
}
