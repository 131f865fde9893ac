package dev.astroshell.sandbox;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import reactor.netty.NettyPipeline;

/**
 * Closes a connection whose client does not finish a request's headers within a deadline, counted from the
 * connection's start or the first byte of the request. Reactor Netty's own timeouts do not cover this: its idle
 * timeout restarts with every byte (a client sending one byte a second holds the connection forever) and its read
 * timeout starts after the headers.
 * <p>
 * Two handlers share the state, on the channel's event loop: one before the HTTP codec sees the bytes arrive, one
 * after it sees the decoded request.
 */
final class HeaderDeadline {

	private final Duration timeout;

	private ScheduledFuture<?> deadline;

	private boolean readingBody;

	private HeaderDeadline(Duration timeout) {
		this.timeout = timeout;
	}

	/** Called while the channel's pipeline is built, after the HTTP codec is added. */
	static void install(Channel channel, Duration timeout) {
		HeaderDeadline headers = new HeaderDeadline(timeout);
		channel.pipeline().addFirst("sandbox-header-deadline-bytes", headers.new Bytes());
		channel.pipeline().addAfter(NettyPipeline.HttpCodec, "sandbox-header-deadline-requests", headers.new Requests());
	}

	private void arm(ChannelHandlerContext ctx) {
		if (deadline == null && !readingBody) {
			deadline = ctx.executor().schedule(() -> {
				ctx.channel().close();
			}, timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void disarm() {
		if (deadline != null) {
			deadline.cancel(false);
			deadline = null;
		}
	}

	/** Sees raw bytes: a request's headers begin (or the connection opens) and the clock starts. */
	private final class Bytes extends ChannelInboundHandlerAdapter {

		@Override
		public void channelActive(ChannelHandlerContext ctx) {
			arm(ctx);
			ctx.fireChannelActive();
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object message) {
			arm(ctx);
			ctx.fireChannelRead(message);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			disarm();
			ctx.fireChannelInactive();
		}
	}

	/** Sees decoded messages: the headers are complete; after the body's end the next request's bytes re-arm. */
	private final class Requests extends ChannelInboundHandlerAdapter {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object message) {
			if (message instanceof HttpRequest) {
				disarm();
				readingBody = true;
			}
			if (message instanceof LastHttpContent) {
				readingBody = false;
			}
			ctx.fireChannelRead(message);
		}
	}
}
