package io.plughome.tools;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor of the load benchmark: an OCPP server that stores nothing and answers every CALL at
 * once with the smallest valid answer (BootNotification Accepted, a transaction id, an accepted
 * token, the time). Run with the same load beside PlugHome ({@code src/bench/compare-floor.sh}), it
 * shows what the load generator, the sockets and JSON cost on this machine by themselves, so
 * PlugHome's figures read as a multiple of what no server can go below here.
 *
 * <pre>
 * java -cp target/test-classes:$(test classpath) io.plughome.tools.FloorServer [port=18090]
 * </pre>
 *
 * Built on Netty, which the test classpath already has (the MQTT test broker runs on it); two
 * event-loop threads, as many as this machine's cores, answer on the thread that read the frame.
 */
public final class FloorServer {

    private static final AttributeKey<String> PROTOCOL = AttributeKey.valueOf("ocpp.protocol");
    private static final AtomicLong TRANSACTIONS = new AtomicLong();

    private FloorServer() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18090;
        EventLoopGroup boss = new NioEventLoopGroup(1);
        EventLoopGroup workers = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors());
        try {
            Channel server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                    new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                            .websocketPath("/ocpp").checkStartsWith(true)
                                            .subprotocols("ocpp1.6,ocpp2.0.1").maxFramePayloadLength(65536)
                                            .build()),
                                    new NotFound(), new Answerer());
                        }
                    }).bind("127.0.0.1", port).sync().channel();
            System.out.println("floor server listening on ws://127.0.0.1:" + port + "/ocpp");
            server.closeFuture().sync();
        } finally {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
        }
    }

    /** Plain HTTP (the load benchmark asks for /metrics): 404, the floor has none. */
    private static final class NotFound extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Reads each CALL and answers it; answers and errors from the charger are dropped. */
    private static final class Answerer extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete done) {
                ctx.channel().attr(PROTOCOL).set(done.selectedSubprotocol());
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            JsonArray call = Json.createReader(new StringReader(frame.text())).readArray();
            if (call.getInt(0) != 2) {
                return;
            }
            boolean v16 = "ocpp1.6".equals(ctx.channel().attr(PROTOCOL).get());
            String answer = Json.createArrayBuilder().add(3).add(call.getString(1))
                    .add(answer(call.getString(2), v16)).build().toString();
            ctx.writeAndFlush(new TextWebSocketFrame(answer));
        }

        private static JsonObject answer(String action, boolean v16) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            String now = Instant.now().toString();
            switch (action) {
                case "BootNotification" -> b.add("status", "Accepted").add("currentTime", now).add("interval", 60);
                case "Heartbeat" -> b.add("currentTime", now);
                case "Authorize" -> b.add(v16 ? "idTagInfo" : "idTokenInfo",
                        Json.createObjectBuilder().add("status", "Accepted"));
                case "StartTransaction" -> b.add("transactionId", TRANSACTIONS.incrementAndGet())
                        .add("idTagInfo", Json.createObjectBuilder().add("status", "Accepted"));
                default -> {
                    // StatusNotification, MeterValues, StopTransaction, TransactionEvent, ...: {}
                }
            }
            return b.build();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
