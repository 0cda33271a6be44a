package dev.parley.transport.http.internal;

import dev.parley.transport.http.HttpOptions;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.AsciiString;

/**
 * HTTP/2 over cleartext on the same port as HTTP/1.1: with prior knowledge (the client starts with the
 * HTTP/2 preface) or by {@code Upgrade: h2c}. Each stream is a child channel that sees the same
 * {@code FullHttpRequest}s, limits and {@link Dispatcher} as an HTTP/1.1 connection, one request per stream.
 */
final class H2c {

    private H2c() {
    }

    /** The handler that picks HTTP/1.1 or HTTP/2 for a new connection; {@code http1} serves HTTP/1.1. */
    static ChannelHandler handler(HttpServerCodec http1, Dispatcher dispatcher, HttpOptions options) {
        ChannelInitializer<Channel> stream = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true), new Aggregator(options.maxBodyBytes()),
                        new ServerHandler(dispatcher, 1));
            }
        };
        HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(http1, protocol ->
                AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                        ? new Http2ServerUpgradeCodec(frameCodec(options), new Http2MultiplexHandler(stream))
                        : null, options.maxBodyBytes());
        return new CleartextHttp2ServerUpgradeHandler(http1, upgrade, new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                http1Only(ch.pipeline());
                ch.pipeline().addLast(frameCodec(options), new Http2MultiplexHandler(stream));
            }
        });
    }

    /** Takes the HTTP/1.1 handlers out of a connection that speaks HTTP/2 now: its streams have their own. */
    static void http1Only(io.netty.channel.ChannelPipeline pipeline) {
        if (pipeline.get(Aggregator.class) != null) {
            pipeline.remove(Aggregator.class);
        }
        if (pipeline.get(ServerHandler.class) != null) {
            pipeline.remove(ServerHandler.class);
        }
    }

    private static io.netty.handler.codec.http2.Http2FrameCodec frameCodec(HttpOptions options) {
        return Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxHeaderListSize(options.maxHeaderBytes())
                        .maxConcurrentStreams(1000))
                .build();
    }
}
