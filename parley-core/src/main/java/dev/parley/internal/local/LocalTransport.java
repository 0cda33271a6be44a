package dev.parley.internal.local;

import dev.parley.NotSentException;
import dev.parley.Status;
import dev.parley.internal.runtime.Errors;
import dev.parley.message.Message;
import dev.parley.service.Service;
import dev.parley.transport.Registration;
import dev.parley.transport.Transport;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process transport, {@code local:NAME}. Messages are handed over in memory, but bodies are always
 * encoded and decoded by the runtime on either side, so nothing mutable is shared and codec bugs show.
 */
final class LocalTransport implements Transport {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTransport.class);

    private final LocalHub hub = LocalHub.INSTANCE;
    private final Set<Runnable> registrations = ConcurrentHashMap.newKeySet();

    @Override
    public Registration serve(URI address, Service handler) {
        return register(hub.serve(name(address), handler));
    }

    @Override
    public Service connect(URI address) {
        String name = name(address);
        return new Service() {
            @Override
            public CompletionStage<Message> call(Message request) {
                Service server = hub.server(name);
                if (server == null) {
                    return CompletableFuture.failedFuture(new NotSentException(Status.UNAVAILABLE,
                            "nothing is served at local:" + name));
                }
                CompletionStage<Message> reply = server.call(request);
                if (request.isOneWay()) {
                    reply.whenComplete((m, e) -> logFailure(request, m, e));
                    return CompletableFuture.completedFuture(Message.of(Errors.replyHeaders(request)));
                }
                return reply;
            }

            @Override
            public String toString() {
                return "local:" + name;
            }
        };
    }

    @Override
    public Registration subscribe(URI address, String topic, String group, Service handler) {
        return register(hub.subscribe(name(address), topic, group, handler));
    }

    @Override
    public CompletionStage<Registration> publish(URI address, String topic, Message event,
            @Nullable Consumer<Message> replies) {
        List<Service> receivers = hub.receivers(name(address), topic);
        for (Service receiver : receivers) {
            receiver.call(event).whenComplete((reply, failure) -> {
                if (replies != null && reply != null) {
                    replies.accept(reply);
                } else {
                    logFailure(event, reply, failure);
                }
            });
        }
        return CompletableFuture.completedFuture(() -> { });
    }

    @Override
    public void close() {
        registrations.forEach(Runnable::run);
        registrations.clear();
    }

    private Registration register(Runnable remove) {
        registrations.add(remove);
        return () -> {
            if (registrations.remove(remove)) {
                remove.run();
            }
        };
    }

    private static void logFailure(Message request, @Nullable Message reply, @Nullable Throwable failure) {
        if (failure != null) {
            LOG.warn("local delivery of {} failed", request, failure);
        } else if (reply != null && reply.status() != Status.OK) {
            LOG.warn("handler of {} answered {}", request, reply.status());
        }
    }

    static String name(URI address) {
        String ssp = address.getSchemeSpecificPart();
        String name = ssp.startsWith("//") ? ssp.substring(2) : ssp;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("address '" + address + "' names nothing: use local:NAME");
        }
        return name;
    }

    @Override
    public String toString() {
        return "local";
    }
}
