package dev.parley.benchmarks.rpc;

import dev.parley.benchmarks.local.Payload;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The floor of S1: a 4-byte length and {@value #BODY_BYTES} bytes echoed by plain Netty (the version Parley's
 * tcp transport is built on), no codec, no headers, no stream ids, one call in flight. Server and client
 * share one event-loop group of {@link Peer#IO_THREADS} threads, epoll where available, as Parley's do.
 */
final class NettyRawPeer implements Peer {

    static final int BODY_BYTES = 1024;

    private final EventLoopGroup group;
    private final Channel server;
    private final Channel client;
    private final ClientHandler replies = new ClientHandler();
    private final ByteBuf request;

    NettyRawPeer() throws InterruptedException {
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(IO_THREADS, new DefaultThreadFactory("netty-raw-io", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        byte[] body = new byte[BODY_BYTES];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        request = Unpooled.unreleasableBuffer(Unpooled.directBuffer(4 + BODY_BYTES).writeInt(BODY_BYTES).writeBytes(body));
        try {
            server = new ServerBootstrap()
                    .group(group)
                    .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(frames(), Echo.INSTANCE);
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", Peer.freePort())).sync().channel();
            client = new Bootstrap()
                    .group(group)
                    .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(frames(), replies);
                        }
                    })
                    .connect(server.localAddress()).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            throw e;
        }
    }

    private static LengthFieldBasedFrameDecoder frames() {
        return new LengthFieldBasedFrameDecoder(1 << 20, 0, 4);
    }

    /** Sends the 1 KiB body and waits for it to come back; returns the length of the reply's frame. */
    @Override
    public Object call(Payload ignored) {
        CompletableFuture<Integer> reply = new CompletableFuture<>();
        replies.pending = reply;
        client.writeAndFlush(request.duplicate());
        return reply.join();
    }

    @Override
    public void callAsync(Payload payload, Reply reply) {
        throw new UnsupportedOperationException("netty-raw answers one blocking call at a time (S1 only)");
    }

    @Override
    public void hold(Payload payload, Reply reply) {
        throw new UnsupportedOperationException("netty-raw answers one blocking call at a time (S1 only)");
    }

    @Override
    public Holds holds() {
        throw new UnsupportedOperationException("netty-raw answers one blocking call at a time (S1 only)");
    }

    @Override
    public void close() {
        client.close().syncUninterruptibly();
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Writes each frame back as it came (the decoder's buffer, passed on and released by the write). */
    @ChannelHandler.Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {

        static final Echo INSTANCE = new Echo();

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.writeAndFlush(msg);
        }
    }

    /** Completes the call in flight with the reply's length and frees the reply. */
    @ChannelHandler.Sharable
    private static final class ClientHandler extends ChannelInboundHandlerAdapter {

        volatile @Nullable CompletableFuture<Integer> pending;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf reply = (ByteBuf) msg;
            int length = reply.readableBytes();
            reply.release();
            CompletableFuture<Integer> p = pending;
            if (p != null) {
                p.complete(length);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            CompletableFuture<Integer> p = pending;
            if (p != null) {
                p.completeExceptionally(cause);
            }
            ctx.close();
        }
    }
}
