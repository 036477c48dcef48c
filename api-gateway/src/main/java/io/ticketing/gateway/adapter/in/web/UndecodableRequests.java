package io.ticketing.gateway.adapter.in.web;

import java.util.Set;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpRequestDecoderSpec;
import reactor.netty.http.server.HttpServer;

/**
 * Requests Reactor Netty's HTTP decoder refuses (request line over the limit: 414, headers over the limit: 431,
 * anything it cannot parse: 400) are answered by Reactor Netty itself, before any WebFlux code runs, with an empty
 * body and {@code Connection: close}. This gives that answer a problem body, status and headers kept.
 * <p>
 * A handler right after the HTTP codec notices a message the decoder marked as failed and only then puts a one-off
 * outbound handler in front of the codec, which fills in the empty answer that Reactor Netty writes next. Well-formed
 * requests cost one check per inbound message; writes never pass through it.
 */
@Component
class UndecodableRequests implements NettyServerCustomizer {

    private static final String DETECTOR = "ticketing.undecodableRequests";
    private static final String FILLER = "ticketing.undecodableRequestProblem";

    private final ProblemRenderer problems;
    private volatile @Nullable Detector detector;

    UndecodableRequests(ProblemRenderer problems) {
        this.problems = problems;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        // the decoder's limits as bound: Boot's own customizers (server.max-http-request-header-size,
        // server.netty.max-initial-line-length) run after this one
        return server.doOnBind(config -> detector = new Detector(config.decoder(), problems))
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    Detector current = detector;
                    if (current != null && pipeline.get(NettyPipeline.HttpCodec) != null) {
                        pipeline.addAfter(NettyPipeline.HttpCodec, DETECTOR, current);
                    }
                });
    }

    /** Where the decoder gave up: the request line, the headers or a chunk of the body. */
    private enum Part {
        LINE("The request line is not valid HTTP"),
        HEADERS("The request headers are not valid HTTP"),
        BODY("The chunked request body is not valid HTTP");

        final String invalid;

        Part(String invalid) {
            this.invalid = invalid;
        }
    }

    @ChannelHandler.Sharable
    private static final class Detector extends ChannelInboundHandlerAdapter {

        private final int maxLine;
        private final int maxHeaders;
        private final ProblemRenderer problems;

        Detector(HttpRequestDecoderSpec limits, ProblemRenderer problems) {
            this.maxLine = limits.maxInitialLineLength();
            this.maxHeaders = limits.maxHeaderSize();
            this.problems = problems;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()
                    && ctx.pipeline().get(FILLER) == null) {
                ctx.pipeline().addBefore(ctx.name(), FILLER, filler(msg));
            }
            ctx.fireChannelRead(msg);
        }

        private Filler filler(Object failed) {
            if (!(failed instanceof HttpRequest request)) {
                return new Filler(Part.BODY, null, false, this);
            }
            // the decoder hands on a placeholder FullHttpRequest (GET /bad-request) when it could not read the
            // request line, and the request as read so far when the headers failed
            if (request instanceof FullHttpRequest) {
                return new Filler(Part.LINE, null, false, this);
            }
            String uri = request.uri();
            int query = uri.indexOf('?');
            return new Filler(Part.HEADERS, query < 0 ? uri : uri.substring(0, query),
                    HttpMethod.HEAD.equals(request.method()), this);
        }

        HttpProblem problem(int status, Part part) {
            String detail = switch (status) {
                case 414 -> "The request line is longer than " + maxLine + " bytes";
                case 431 -> "The request headers are larger than " + maxHeaders + " bytes";
                default -> part.invalid;
            };
            return HttpProblem.ofStatus(status, detail);
        }
    }

    /**
     * Gives Reactor Netty's answer to the failed request its problem body, then leaves the pipeline. Answers to
     * requests pipelined before the failed one may pass first; that answer is told apart as a 400, 414 or 431
     * closing the connection, with neither body nor content type.
     */
    private static final class Filler extends ChannelOutboundHandlerAdapter {

        private static final Set<Integer> FAILURE_STATUSES = Set.of(400, 414, 431);

        private final Part part;
        private final @Nullable String instance;
        private final boolean head;
        private final Detector detector;

        Filler(Part part, @Nullable String instance, boolean head, Detector detector) {
            this.part = part;
            this.instance = instance;
            this.head = head;
            this.detector = detector;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof FullHttpResponse response && FAILURE_STATUSES.contains(response.status().code())
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)
                    && response.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
                ctx.pipeline().remove(this);
                byte[] body = detector.problems.body(detector.problem(response.status().code(), part), instance);
                FullHttpResponse filled = response.replace(head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
                response.release();
                filled.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
                ctx.write(filled, promise);
                return;
            }
            ctx.write(msg, promise);
        }
    }
}
