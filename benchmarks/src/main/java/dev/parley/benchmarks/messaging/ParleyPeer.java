package dev.parley.benchmarks.messaging;

import dev.parley.Contract;
import dev.parley.NonBlocking;
import dev.parley.Parley;
import dev.parley.Publish;
import dev.parley.benchmarks.local.Payload;
import dev.parley.transport.TransportProvider;
import org.jspecify.annotations.Nullable;

/**
 * Parley on any broker: an events contract published through {@code parley.publisher} and subscribed with
 * {@code parley.subscribe}, one runtime publishing and one subscribing, as two services would.
 */
public final class ParleyPeer implements MessagingPeer {

    @Contract(name = "bench-events", version = "1.0")
    public interface BenchEvents {
        /** Non-blocking, as a raw consumer's callback is: the handler runs on the broker client's thread. */
        @Publish
        @NonBlocking
        void published(Payload p);
    }

    private final String baseAddress;
    private final Parley publisherRuntime;
    private final Parley subscriberRuntime;
    /** The event every peer publishes: about {@value MessagingPeer#BODY_BYTES} bytes as JSON. */
    static final Payload PAYLOAD = Payload.ofSize(MessagingPeer.BODY_BYTES - 30);
    private @Nullable BenchEvents publisher;

    /**
     * @param baseAddress the broker's address without a channel name, e.g. {@code artemis://127.0.0.1:61616}
     * @param provider the broker module's provider
     */
    public ParleyPeer(String baseAddress, TransportProvider provider) {
        this.baseAddress = baseAddress;
        this.publisherRuntime = Parley.builder().instance("bench-publisher").transport(provider).build();
        this.subscriberRuntime = Parley.builder().instance("bench-subscriber").transport(provider).build();
    }

    @Override
    public void open(String topic, int groups, Runnable arrived) {
        String address = baseAddress + "/" + topic;
        for (int g = 0; g < groups; g++) {
            subscriberRuntime.subscribe(BenchEvents.class, "g" + g, (BenchEvents) p -> arrived.run(), address);
        }
        publisher = publisherRuntime.publisher(BenchEvents.class, address);
    }

    @Override
    public void publish() {
        BenchEvents p = publisher;
        if (p == null) {
            throw new IllegalStateException("not open");
        }
        p.published(PAYLOAD);
    }

    @Override
    public void close() {
        publisherRuntime.close();
        subscriberRuntime.close();
    }
}
