package dev.parley.benchmarks.rest;

import dev.parley.benchmarks.local.Payload;
import dev.parley.benchmarks.rpc.Peer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x core: an {@code HttpServer} whose handler reads the body into a {@link Payload} with Jackson and
 * writes it back, and an {@code HttpClient} with a pool of {@code connections} HTTP/1.1 keep-alive
 * connections, on {@link Peer#IO_THREADS} event loops (native transport, as Parley).
 */
final class VertxPeer extends RestPeer {

    private final Vertx vertx;
    private final HttpServer server;
    private final HttpClientAgent client;

    VertxPeer(int connections) throws Exception {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(IO_THREADS).setPreferNativeTransport(true));
        int port = Peer.freePort();
        server = vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
                .requestHandler(req -> req.body().onComplete(body -> {
                    if (body.failed()) {
                        req.response().setStatusCode(400).end();
                        return;
                    }
                    Payload p = read(body.result().getBytes());
                    req.response().putHeader("content-type", "application/json").end(Buffer.buffer(write(p)));
                }));
        server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setDefaultHost("127.0.0.1").setDefaultPort(port), new PoolOptions().setHttp1MaxSize(connections));
    }

    @Override
    public void callAsync(Payload payload, Reply reply) {
        client.request(HttpMethod.POST, "/echo").onComplete(r -> {
            if (r.failed()) {
                reply.accept(null, r.cause());
                return;
            }
            HttpClientRequest req = r.result();
            // The reply's handlers are in place before the request goes: called from this (non-Vert.x) thread,
            // attaching them after send() can miss a body that has already arrived.
            req.response()
                    .compose(resp -> resp.statusCode() == 200 ? resp.body()
                            : Future.failedFuture("HTTP " + resp.statusCode()))
                    .onComplete(ar -> {
                        if (ar.failed()) {
                            reply.accept(null, ar.cause());
                            return;
                        }
                        try {
                            reply.accept(read(ar.result().getBytes()), null);
                        } catch (RuntimeException e) {
                            reply.accept(null, e);
                        }
                    });
            req.putHeader("content-type", "application/json").end(Buffer.buffer(write(payload)));
        });
    }

    @Override
    public void close() {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("closing Vert.x", e);
        }
    }
}
