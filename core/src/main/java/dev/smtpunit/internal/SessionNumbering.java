package dev.smtpunit.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

/**
 * Numbers connections in the order they are accepted, on the listening channel's thread: numbering
 * them later, on the connections' own threads, would let two quick connections swap numbers.
 */
@ChannelHandler.Sharable
final class SessionNumbering extends ChannelInboundHandlerAdapter {
    static final AttributeKey<Integer> SESSION_ID = AttributeKey.valueOf("smtpunit.session");

    private final ServerContext server;

    SessionNumbering(ServerContext server) {
        this.server = server;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Channel child) {
            child.attr(SESSION_ID).set(server.nextSessionId());
        }
        ctx.fireChannelRead(msg);
    }
}
