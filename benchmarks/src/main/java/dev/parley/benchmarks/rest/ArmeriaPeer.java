package dev.parley.benchmarks.rest;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.util.EventLoopGroups;
import com.linecorp.armeria.server.Server;
import dev.parley.benchmarks.local.Payload;
import dev.parley.benchmarks.rpc.Peer;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;

/**
 * Armeria: a {@code Server} whose service aggregates the request, reads it into a {@link Payload} with
 * Jackson and writes it back, and a {@code WebClient} speaking HTTP/1.1 ({@code h1c}), which opens one
 * keep-alive connection per concurrent call, so {@code connections} calls out use {@code connections}
 * connections; server and client share {@link Peer#IO_THREADS} event loops.
 */
final class ArmeriaPeer extends RestPeer {

    private final EventLoopGroup loops;
    private final Server server;
    private final ClientFactory factory;
    private final WebClient client;

    ArmeriaPeer(int connections) {
        loops = EventLoopGroups.newEventLoopGroup(IO_THREADS);
        int port = Peer.freePort();
        server = Server.builder().http(port).workerGroup(loops, false)
                .service("/echo", (ctx, req) -> HttpResponse.of(req.aggregate().thenApply(agg ->
                        HttpResponse.of(HttpStatus.OK, MediaType.JSON, write(read(agg.content().array()))))))
                .build();
        server.start().join();
        factory = ClientFactory.builder().workerGroup(loops, false).build();
        client = WebClient.builder("h1c://127.0.0.1:" + port).factory(factory).build();
    }

    @Override
    public void callAsync(Payload payload, Reply reply) {
        client.execute(HttpRequest.of(HttpMethod.POST, "/echo", MediaType.JSON, write(payload))).aggregate()
                .whenComplete((r, t) -> {
                    if (t != null) {
                        reply.accept(null, t);
                    } else {
                        reply.accept(read(r.content().array()), null);
                    }
                });
    }

    @Override
    public void close() {
        factory.close();
        server.stop().join();
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
