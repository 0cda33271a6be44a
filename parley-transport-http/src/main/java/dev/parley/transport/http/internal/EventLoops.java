package dev.parley.transport.http.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/** The http transport's I/O threads (epoll on Linux, NIO elsewhere) and the channel types that go with them. */
record EventLoops(EventLoopGroup group, boolean epoll) implements AutoCloseable {

    static EventLoops create(String name, int threads) {
        boolean epoll = Epoll.isAvailable();
        return new EventLoops(new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name + "-http-io", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory()), epoll);
    }

    Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    Class<? extends SocketChannel> channel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
