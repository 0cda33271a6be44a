package dev.parley.transport.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalIoHandler;
import io.netty.channel.local.LocalServerChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many threads acquiring and releasing a few connections at once: every acquire is served (no call is left
 * waiting while a connection sits idle), and no more than the limit is ever open or lent out.
 */
class ConnectionPoolStressTest {

    @io.netty.channel.ChannelHandler.Sharable
    private static final class Nothing extends ChannelInboundHandlerAdapter {
    }

    @Test
    void everyAcquireIsServedAndTheLimitHolds() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, LocalIoHandler.newFactory());
        LocalAddress address = new LocalAddress("pool-stress");
        Channel server = new ServerBootstrap().group(group).channel(LocalServerChannel.class)
                .childHandler(new Nothing()).bind(address).sync().channel();
        Bootstrap b = new Bootstrap().group(group).channel(LocalChannel.class).remoteAddress(address)
                .handler(new Nothing());
        ConnectionPool pool = new ConnectionPool(b, "local", 4, 1_000_000);
        Set<Channel> lent = ConcurrentHashMap.newKeySet();
        Set<Channel> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger overLimit = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        Channel ch = pool.acquire().join();
                        seen.add(ch);
                        if (!lent.add(ch) || lent.size() > 4) {
                            overLimit.incrementAndGet();
                        }
                        served.incrementAndGet();
                        lent.remove(ch);
                        // Half the releases come from the connection's own I/O thread, as replies do.
                        if (i % 2 == 0) {
                            pool.release(ch);
                        } else {
                            ch.eventLoop().execute(() -> pool.release(ch));
                        }
                    }
                }, threads));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertThat(served.get()).isEqualTo(40_000);
            assertThat(overLimit.get()).isZero();
            assertThat(seen).hasSizeLessThanOrEqualTo(4);
        } finally {
            threads.shutdownNow();
            pool.close();
            server.close().sync();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
