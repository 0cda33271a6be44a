package dev.parley.benchmarks.rpc;

import dev.parley.benchmarks.local.Payload;
import dev.parley.codec.Codec;
import dev.parley.codec.json.JsonCodecFactory;
import io.grpc.CallOptions;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollIoHandler;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java over grpc-netty-shaded: a server and a channel to it sharing one event-loop group of
 * {@link Peer#IO_THREADS} threads (epoll where Parley's transport uses it, NIO elsewhere), plaintext, each
 * call a hand-built {@link MethodDescriptor} (no protoc) whose marshaller is the JSON codec Parley uses, so
 * both pay the same serialization. {@code direct}: {@code directExecutor()} on server and channel;
 * otherwise gRPC's default executors (a shared cached thread pool on each side).
 */
final class GrpcPeer implements Peer {

    static final String SERVICE = "parley.bench.RpcEcho";

    private static final MethodDescriptor.Marshaller<Payload> JSON = new JsonMarshaller();
    static final MethodDescriptor<Payload, Payload> ECHO = method("Echo");
    static final MethodDescriptor<Payload, Payload> HOLD = method("Hold");

    private final Holds holds = new Holds();
    private final EventLoopGroup group;
    private final Server server;
    private final ManagedChannel channel;

    GrpcPeer(boolean direct) throws IOException {
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(IO_THREADS, new DefaultThreadFactory("grpc-io", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ServerServiceDefinition service = ServerServiceDefinition.builder(SERVICE)
                .addMethod(ECHO, ServerCalls.<Payload, Payload>asyncUnaryCall(GrpcPeer::serveEcho))
                .addMethod(HOLD, ServerCalls.<Payload, Payload>asyncUnaryCall(this::serveHold))
                .build();
        int port = Peer.freePort();
        NettyServerBuilder serverBuilder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port))
                .bossEventLoopGroup(group)
                .workerEventLoopGroup(group)
                .channelType(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .addService(service);
        NettyChannelBuilder channelBuilder = NettyChannelBuilder.forAddress("127.0.0.1", port)
                .eventLoopGroup(group)
                .channelType(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .usePlaintext();
        if (direct) {
            serverBuilder.directExecutor();
            channelBuilder.directExecutor();
        }
        try {
            server = serverBuilder.build().start();
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            throw e;
        }
        channel = channelBuilder.build();
    }

    private static void serveEcho(Payload request, StreamObserver<Payload> reply) {
        reply.onNext(request);
        reply.onCompleted();
    }

    private void serveHold(Payload request, StreamObserver<Payload> reply) {
        holds.park(() -> serveEcho(request, reply));
    }

    @Override
    public Object call(Payload payload) {
        return ClientCalls.blockingUnaryCall(channel, ECHO, CallOptions.DEFAULT, payload);
    }

    @Override
    public void callAsync(Payload payload, Reply reply) {
        ClientCalls.asyncUnaryCall(channel.newCall(ECHO, CallOptions.DEFAULT), payload, new Observer(reply));
    }

    @Override
    public void hold(Payload payload, Reply reply) {
        ClientCalls.asyncUnaryCall(channel.newCall(HOLD, CallOptions.DEFAULT), payload, new Observer(reply));
    }

    @Override
    public Holds holds() {
        return holds;
    }

    @Override
    public void close() {
        holds.release();
        channel.shutdownNow();
        server.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static MethodDescriptor<Payload, Payload> method(String name) {
        return MethodDescriptor.<Payload, Payload>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
                .setRequestMarshaller(JSON)
                .setResponseMarshaller(JSON)
                .build();
    }

    /** Hands the unary reply (or the failure) to a {@link Reply}; {@code onCompleted} adds nothing. */
    private record Observer(Reply reply) implements StreamObserver<Payload> {

        @Override
        public void onNext(Payload value) {
            reply.accept(value, null);
        }

        @Override
        public void onError(Throwable t) {
            reply.accept(null, t);
        }

        @Override
        public void onCompleted() {
        }
    }

    /** The JSON codec Parley's runtime loads by default (Jackson, same mapper and settings). */
    private static final class JsonMarshaller implements MethodDescriptor.Marshaller<Payload> {

        @SuppressWarnings("unchecked")
        private final Codec<Payload> codec = (Codec<Payload>) Objects.requireNonNull(
                new JsonCodecFactory().create(JsonCodecFactory.MEDIA_TYPE, Payload.class), "JSON codec");

        @Override
        public InputStream stream(Payload value) {
            return new Bytes(codec.encode(value));
        }

        /** Reads exactly the message's bytes (gRPC's stream knows its length), then decodes them. */
        @Override
        public Payload parse(InputStream stream) {
            try {
                int known = stream.available();
                byte[] bytes = known > 0 ? stream.readNBytes(known) : stream.readAllBytes();
                if (stream.available() > 0) {
                    throw new IllegalStateException("the message is longer than its stream said (" + known + ")");
                }
                return codec.decode(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Encoded bytes that gRPC can size up front and write straight into its buffer, as it does a protobuf
     * message's stream: without {@link Drainable} it copies through an 8 KiB scratch array per message.
     */
    private static final class Bytes extends ByteArrayInputStream implements KnownLength, Drainable {

        Bytes(byte[] bytes) {
            super(bytes);
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            int n = count - pos;
            target.write(buf, pos, n);
            pos = count;
            return n;
        }
    }
}
