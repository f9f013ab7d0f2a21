package org.tryst.gateway;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.safety.ActionLimits;
import org.tryst.accounts.Session;
import org.tryst.accounts.Sessions;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.personas.Persona;

/**
 * One WebSocket from upgrade to close. Until a valid {@code hello} it answers nothing else and the
 * {@link Deadline} runs; after it, each frame is decoded here, on the event loop, checked against
 * the rate limits, and handed to the socket's {@link Connection} queue for the dispatcher.
 */
final class SocketSession extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger log = LoggerFactory.getLogger(SocketSession.class);

    private final Wiring wiring;
    private final String address;
    private final String cookieToken;
    private final Deadline deadline;
    private volatile Connection connection;
    private boolean helloStarted;
    private boolean pingOutstanding;

    SocketSession(Wiring wiring, String address, String cookieToken, Deadline deadline) {
        this.wiring = wiring;
        this.address = address;
        this.cookieToken = cookieToken;
        this.deadline = deadline;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            deadline.restart();
        } else if (event instanceof IdleStateEvent && connection != null) {
            if (pingOutstanding) {
                Connection.closeWith(ctx.channel(), null, CloseCodes.IDLE, "no answer to ping");
            } else {
                pingOutstanding = true;
                ctx.writeAndFlush(new PingWebSocketFrame());
            }
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        pingOutstanding = false;
        if (frame instanceof PongWebSocketFrame) return;
        if (frame instanceof CloseWebSocketFrame) {
            // Answered here rather than by Netty, so that a socket the server is already closing gets no second close frame.
            Connection.closeWith(ctx.channel(), null, CloseCodes.NORMAL, "");
            return;
        }
        if (!(frame instanceof TextWebSocketFrame text)) {
            Connection.closeWith(ctx.channel(), null, CloseCodes.UNSUPPORTED_DATA, "text frames only");
            return;
        }
        switch (Codec.decodeClient(ByteBufUtil.getBytes(text.content()))) {
            case Codec.Decoded.Rejected rejected -> reject(ctx, rejected.id(), rejected.problem());
            case Codec.Decoded.Accepted(ClientMessage.Hello hello) when connection == null -> hello(ctx, hello);
            case Codec.Decoded.Accepted accepted when connection == null ->
                    reject(ctx, accepted.message().id(), new ProtocolException(ErrorCode.NOT_AUTHENTICATED, "say hello first"));
            case Codec.Decoded.Accepted accepted -> admit(ctx, accepted.message());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Connection gone = connection;
        if (gone != null) {
            wiring.connections().remove(gone);
            gone.submit(() -> {
                wiring.scenes().disconnected(gone);
                wiring.rooms().disconnected(gone);
            });
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            Connection.closeWith(ctx.channel(), null, CloseCodes.TOO_BIG, "message too big");
        } else if (cause instanceof CorruptedFrameException) {
            Connection.closeWith(ctx.channel(), null, CloseCodes.PROTOCOL_ERROR, "protocol error");
        } else {
            if (!(cause instanceof IOException)) log.atWarn().setCause(cause).log("socket failed");
            ctx.close();
        }
    }

    private void admit(ChannelHandlerContext ctx, ClientMessage message) {
        Connection current = connection;
        try {
            wiring.limits().admit(ActionLimits.Action.REQUEST, current.accountId(), address);
        } catch (ProtocolException limited) {
            reject(ctx, message.id(), limited);
            return;
        }
        current.submit(() -> wiring.dispatcher().handle(current, message));
    }

    private void hello(ChannelHandlerContext ctx, ClientMessage.Hello hello) {
        if (helloStarted) {
            reject(ctx, hello.id(), new ProtocolException(ErrorCode.NOT_AUTHENTICATED, "the first hello is still being checked"));
            return;
        }
        helloStarted = true;
        wiring.executor().execute(() -> {
            try {
                Session session = authenticate(hello);
                Connection opened = new Connection(ctx.channel(), session.accountId(), session.id(), address,
                        wiring.executor(), wiring.maxPendingRequests(), wiring.metrics()::slowConsumer);
                var account = wiring.accounts().byId(session.accountId());
                var welcome = new ServerMessage.Welcome(hello.id(), Codec.VERSION, account.username(),
                        wiring.personas().of(session.accountId()).stream().map(Persona::view).toList(),
                        wiring.advertised(), account.role().name().toLowerCase(java.util.Locale.ROOT));
                ctx.executor().execute(() -> {
                    deadline.cancel();
                    connection = opened;
                    wiring.connections().add(opened);
                    opened.send(welcome);
                    opened.submit(() -> wiring.enforcement().welcomed(opened));
                });
            } catch (ProtocolException refused) {
                wiring.metrics().error(refused.code());
                ctx.executor().execute(() -> {
                    helloStarted = false;
                    Connection.closeWith(ctx.channel(), ServerMessage.Error.of(hello.id(), refused),
                            CloseCodes.HELLO_REFUSED, refused.code().wire());
                });
            }
        });
    }

    private Session authenticate(ClientMessage.Hello hello) {
        if (hello.version() != Codec.VERSION) {
            throw new ProtocolException(ErrorCode.UNSUPPORTED_VERSION, "this server speaks protocol version " + Codec.VERSION);
        }
        Session session = wiring.sessions().redeem(hello.ticket())
                .orElseThrow(() -> new ProtocolException(ErrorCode.TICKET_INVALID, "the ticket is unknown, used or expired"));
        wiring.accounts().requireAdmitted(session.accountId());
        if (cookieToken != null) {
            Optional<Session> cookie = wiring.sessions().authenticate(cookieToken);
            if (cookie.isPresent() && !cookie.get().id().equals(session.id())) {
                throw new ProtocolException(ErrorCode.TICKET_INVALID, "the ticket belongs to another session");
            }
        }
        return session;
    }

    private void reject(ChannelHandlerContext ctx, String id, ProtocolException problem) {
        wiring.metrics().error(problem.code());
        ctx.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(Codec.encode(ServerMessage.Error.of(id, problem)))));
    }
}
