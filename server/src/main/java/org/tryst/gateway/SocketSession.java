package org.tryst.gateway;

import org.tryst.protocol.CloseCodes;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.tryst.accounts.Session;
import org.tryst.personas.Persona;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.Codec;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.safety.ActionLimits;

/**
 * One WebSocket from upgrade to close. Until a valid {@code hello} it answers nothing else and the
 * {@link Deadline} runs; after it, each frame is decoded here, on the event loop, checked against
 * the rate limits, and handed to the socket's {@link Connection} queue for the dispatcher. A close
 * decided here goes through that queue too, so it comes after the replies to every request read
 * before it, and nothing read after it is handled.
 */
final class SocketSession extends SimpleChannelInboundHandler<WebSocketFrame> {
    /** Refused messages (undecodable, before hello, over the rate limit) a socket may send a minute; past it, it is closed with 1008. */
    static final int REFUSALS_PER_MINUTE = 100;
    private static final Logger log = LoggerFactory.getLogger(SocketSession.class);

    private final Wiring wiring;
    private final String address;
    private final String cookieToken;
    private final Deadline deadline;
    /** The socket's allowance of refused messages, made at its first: most sockets never have one, and there are many sockets. */
    private Bucket refusals;
    /** How many messages of this socket were refused, by code, for the line logged when it closes; made with the allowance. */
    private Map<ErrorCode, Integer> refused = Map.of();
    private ChannelHandlerContext context;
    private volatile Connection connection;
    private boolean helloStarted;
    private boolean pingOutstanding;
    private boolean closing;

    SocketSession(Wiring wiring, String address, String cookieToken, Deadline deadline) {
        this.wiring = wiring;
        this.address = address;
        this.cookieToken = cookieToken;
        this.deadline = deadline;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            log.atDebug().addKeyValue("connection", logId()).log("socket opened");
            deadline.restart(() -> closeAfterRequests(CloseCodes.IDLE, "no hello in time"));
        } else if (event instanceof IdleStateEvent && connection != null) {
            if (pingOutstanding) {
                closeAfterRequests(CloseCodes.IDLE, "no answer to ping");
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
        if (closing || Connection.closeCode(ctx.channel()) != null || frame instanceof PongWebSocketFrame) return;
        if (frame instanceof CloseWebSocketFrame) {
            // Answered here rather than by Netty, so that a socket the server is already closing gets no second close frame.
            closeAfterRequests(CloseCodes.NORMAL, "");
            return;
        }
        if (!(frame instanceof TextWebSocketFrame text)) {
            closeAfterRequests(CloseCodes.UNSUPPORTED_DATA, "text frames only");
            return;
        }
        Codec.Decoded decoded = Codec.decodeClient(ByteBufUtil.getBytes(text.content()));
        if (connection != null && !withinRateLimit(ctx, decoded)) return;
        switch (decoded) {
            case Codec.Decoded.Rejected rejected -> reject(ctx, rejected.id(), rejected.problem());
            case Codec.Decoded.Accepted(ClientMessage.Hello hello) when connection == null -> hello(ctx, hello);
            case Codec.Decoded.Accepted accepted when connection == null ->
                    reject(ctx, accepted.message().id(), new ProtocolException(ErrorCode.NOT_AUTHENTICATED, "say hello first"));
            case Codec.Decoded.Accepted accepted -> {
                Connection current = connection;
                current.submit(() -> wiring.dispatcher().handle(current, accepted.message()));
            }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Connection gone = connection;
        if (gone != null) gone.submit(() -> wiring.delivery().closed(gone.caller()));
        Integer code = Connection.closeCode(ctx.channel());
        var line = log.atLevel(refused.isEmpty() ? Level.DEBUG : Level.INFO).addKeyValue("connection", logId())
                .addKeyValue("code", code == null ? "none" : code.toString()).addKeyValue("authenticated", gone != null);
        refused.forEach((error, count) -> line.addKeyValue("refused_" + error.wire(), count));
        line.log("socket closed");
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        switch (cause) {
            case CorruptedWebSocketFrameException corrupted ->
                    closeAfterRequests(corrupted.closeStatus().code(), corrupted.closeStatus().reasonText());
            case TooLongFrameException _ -> closeAfterRequests(CloseCodes.TOO_BIG, "message too big");
            case CorruptedFrameException _ -> closeAfterRequests(CloseCodes.PROTOCOL_ERROR, "protocol error");
            case IOException _ -> ctx.close();
            default -> {
                log.atWarn().addKeyValue("connection", logId()).setCause(cause).log("socket failed");
                ctx.close();
            }
        }
    }

    /** Closes with 1001 after the requests already read, for shutdown; on the socket's event loop. */
    void goAway() {
        closeAfterRequests(CloseCodes.GOING_AWAY, "server shutting down");
    }

    /** Reads nothing more, and closes once the requests read so far are answered (at once before hello). */
    private void closeAfterRequests(int code, String reason) {
        if (closing) return;
        closing = true;
        Connection current = connection;
        if (current == null) Connection.closeWith(context.channel(), null, code, reason);
        else current.closeAfterRequests(code, reason);
    }

    /** Counts every message of an authenticated socket, whether or not it decodes, against its request budget. */
    private boolean withinRateLimit(ChannelHandlerContext ctx, Codec.Decoded decoded) {
        try {
            wiring.limits().admit(ActionLimits.Action.REQUEST, connection.caller().accountId(), address);
            return true;
        } catch (ProtocolException limited) {
            String id = switch (decoded) {
                case Codec.Decoded.Rejected rejected -> rejected.id();
                case Codec.Decoded.Accepted accepted -> accepted.message().id();
            };
            reject(ctx, id, limited);
            return false;
        }
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
                Connection opened = new Connection(ctx.channel(), wiring.executor(), wiring.maxPendingRequests(),
                        wiring.metrics()::slowConsumer);
                var account = wiring.accounts().byId(session.accountId());
                var welcome = new ServerMessage.Welcome(hello.id(), Codec.VERSION, account.username(),
                        wiring.personas().of(session.accountId()).stream().map(Persona::view).toList(),
                        wiring.advertised(), account.role().name().toLowerCase(java.util.Locale.ROOT),
                        wiring.sharesTyping().test(session.accountId()));
                ctx.executor().execute(() -> welcome(opened, session, welcome));
            } catch (ProtocolException refused) {
                wiring.metrics().error(refused.code());
                ctx.executor().execute(() -> refuse(ctx, hello, refused));
            }
        });
    }

    private void welcome(Connection opened, Session session, ServerMessage.Welcome welcome) {
        if (closing) return;
        deadline.cancel();
        opened.caller(wiring.delivery().open(opened, session.accountId(), session.id(), address));
        connection = opened;
        log.atDebug().addKeyValue("connection", logId()).log("hello accepted");
        opened.send(welcome);
        opened.submit(() -> wiring.enforcement().welcomed(opened.caller()));
    }

    private void refuse(ChannelHandlerContext ctx, ClientMessage.Hello hello, ProtocolException refused) {
        helloStarted = false;
        if (closing) return;
        closing = true;
        log.atInfo().addKeyValue("connection", logId()).addKeyValue("error", refused.code().wire()).log("hello refused");
        Connection.closeWith(ctx.channel(), ServerMessage.Error.of(hello.id(), refused), CloseCodes.HELLO_REFUSED, refused.code().wire());
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

    /**
     * Answers a refused message with its typed error. A socket that goes on sending refused messages
     * costs the server a parse each and is closed, after the replies it is owed.
     */
    private void reject(ChannelHandlerContext ctx, String id, ProtocolException problem) {
        wiring.metrics().error(problem.code());
        if (refusals == null) {
            refusals = Bucket.builder().addLimit(Bandwidth.builder().capacity(REFUSALS_PER_MINUTE)
                    .refillGreedy(REFUSALS_PER_MINUTE, Duration.ofMinutes(1)).build()).build();
            refused = new EnumMap<>(ErrorCode.class);
        }
        if (refused.merge(problem.code(), 1, Integer::sum) == 1 && problem.code() == ErrorCode.RATE_LIMITED) {
            log.atInfo().addKeyValue("connection", logId()).log("rate limited");
        }
        ctx.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(Codec.encode(ServerMessage.Error.of(id, problem)))));
        if (!refusals.tryConsume(1)) closeAfterRequests(CloseCodes.POLICY_VIOLATION, "too many refused messages");
    }

    /** A short id for logs, the same as the socket's {@link Connection#logId}, which never names the account. */
    private String logId() {
        return context.channel().id().asShortText();
    }
}
