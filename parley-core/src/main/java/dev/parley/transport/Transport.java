package dev.parley.transport;

import dev.parley.message.Message;
import dev.parley.service.Service;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Moves messages for one URI scheme. One instance per runtime, made by a {@link TransportProvider}.
 *
 * <p>Rules every transport keeps (the testkit's contract suite checks them):
 * <ul>
 *   <li>Requests to a served address reach exactly one of the handlers serving it.</li>
 *   <li>A request with {@link Message#isOneWay()} completes when the transport has accepted it.</li>
 *   <li>Cancelling the stage returned by a client {@link Service} cancels the call on the server where the
 *       transport can: the server handler's stage is cancelled.</li>
 *   <li>A published event reaches one member of every subscribed group.</li>
 *   <li>A message's {@link Message#deadline() deadline} reaches the receiver (on a wire, as the remaining
 *       budget in the {@link dev.parley.message.HeaderNames#DEADLINE} header).</li>
 * </ul>
 */
public interface Transport extends AutoCloseable {

    /** Serves requests and notifications sent to {@code address} with {@code handler}. */
    Registration serve(URI address, Service handler);

    /** A service that sends requests to {@code address}. */
    Service connect(URI address);

    /**
     * A service that sends requests of {@code contract} to {@code address}. The runtime's clients call this
     * one; a transport that maps each operation onto its own protocol (REST: method, path, query) overrides
     * it. By default the contract is not needed: {@link #connect(URI)}.
     */
    default Service connect(URI address, dev.parley.contract.ContractDescriptor contract) {
        return connect(address);
    }

    /**
     * Subscribes {@code group} to {@code topic}: each event reaches one member of each group. A reply the
     * handler returns goes back to the publisher when the publisher listens for replies.
     */
    Registration subscribe(URI address, String topic, String group, Service handler);

    /**
     * Publishes {@code event} to {@code topic}. When {@code replies} is given, every reply is handed to it
     * until the returned registration is closed. The stage completes once the transport has accepted the
     * event (on a broker, once it is confirmed).
     */
    CompletionStage<Registration> publish(URI address, String topic, Message event,
            @Nullable Consumer<Message> replies);

    /** Releases connections and threads; serving and subscriptions stop. */
    @Override
    void close();
}
