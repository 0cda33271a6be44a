package dev.parley.transport;

import dev.parley.ParleyException;
import dev.parley.Status;
import dev.parley.message.Message;
import dev.parley.service.Service;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A transport that carries requests only (a point-to-point protocol such as {@code tcp://} or
 * {@code http://}): publishing and subscribing are refused with UNIMPLEMENTED, naming where events can go.
 */
public interface RequestTransport extends Transport {

    @Override
    default Registration subscribe(URI address, String topic, String group, Service handler) {
        throw noEvents(address);
    }

    @Override
    default CompletionStage<Registration> publish(URI address, String topic, Message event,
            @Nullable Consumer<Message> replies) {
        throw noEvents(address);
    }

    private static ParleyException noEvents(URI address) {
        return new ParleyException(Status.UNIMPLEMENTED, address + ": " + address.getScheme()
                + ":// carries requests, not events; publish and subscribe through a broker (amqp://, kafka://,"
                + " embedded:) or local:");
    }
}
