package org.tryst.telnet;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.config.Config;
import org.tryst.gateway.Wiring;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.safety.ActionLimits;

/**
 * One telnet connection from accept to close, on its event loop: the bytes read as lines and
 * options, the options agreed (NAWS, TTYPE with MTTS, CHARSET, ECHO, SGA, GMCP, MCCP2, MSSP), the
 * login deadline, and each line handed, in order, to the {@link Player} on the connection's
 * virtual thread, counted first against the same request limits as a WebSocket's messages.
 */
final class TelnetSession extends ChannelInboundHandlerAdapter implements Player.Terminal {
    private static final Logger log = LoggerFactory.getLogger(TelnetSession.class);
    /** Overlong lines a connection may send before it is closed as abusive. */
    static final int OVERLONG_LINES = 3;
    /** Refused lines (over the rate limit) a connection may send a minute before it is closed. */
    static final int REFUSALS_PER_MINUTE = 100;
    /** How many terminal types a client is asked for: MTTS names the client, its terminal, then its bits. */
    private static final int MOST_TERMINAL_TYPES = 4;
    /** Words in a terminal type that mean it shows ANSI colour. */
    private static final List<String> COLOUR_TERMINALS = List.of("ANSI", "XTERM", "COLOR", "VT100", "VT102", "VT220", "LINUX",
            "SCREEN", "TMUX", "RXVT", "KONSOLE", "MUDLET", "TINTIN", "MUSHCLIENT", "CMUD", "ZMUD", "BLOWTORCH", "POTATO", "KBTIN");
    /** MTTS bits: ANSI, 256 colours, truecolour. */
    private static final int MTTS_COLOUR = 1 | 8 | 256;

    private final Wiring wiring;
    private final Config.Telnet config;
    private final Mssp mssp;
    private final boolean secure;
    private ChannelHandlerContext context;
    private TelnetConnection connection;
    private Negotiation negotiation;
    private Player player;
    private TelnetReader reader;
    private ScheduledFuture<?> deadline;
    private String address;
    private volatile boolean authenticated;
    private volatile String client;
    private final List<String> terminalTypes = new ArrayList<>();
    private int overlongLines;
    private Bucket refusals;

    TelnetSession(Wiring wiring, Config.Telnet config, Mssp mssp, boolean secure) {
        this.wiring = wiring;
        this.config = config;
        this.mssp = mssp;
        this.secure = secure;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        context = ctx;
        address = TelnetGateway.address(ctx.channel());
        reader = new TelnetReader(config.maxLineBytes());
        connection = new TelnetConnection(ctx.channel(), wiring.executor(), wiring.maxPendingRequests(), config.name(),
                wiring.metrics()::slowConsumer);
        Set<Integer> ours = config.mssp() ? Set.of(Telnet.SGA, Telnet.GMCP, Telnet.COMPRESS2, Telnet.MSSP)
                : Set.of(Telnet.SGA, Telnet.GMCP, Telnet.COMPRESS2);
        negotiation = new Negotiation(ours, Set.of(Telnet.TTYPE, Telnet.NAWS, Telnet.CHARSET),
                bytes -> ctx.writeAndFlush(bytes, ctx.voidPromise()), this::changed);
        player = new Player(wiring, connection, this, address, config.name());
        deadline = ctx.executor().schedule(() -> {
            if (!authenticated) connection.closeAfterRequests("you did not log in in time");
        }, config.loginTimeoutSeconds(), TimeUnit.SECONDS);
        // Offers, not waits: a client that never answers is greeted all the same, as a plain terminal.
        negotiation.offer(Telnet.SGA);
        negotiation.offer(Telnet.GMCP);
        negotiation.offer(Telnet.COMPRESS2);
        if (config.mssp()) negotiation.offer(Telnet.MSSP);
        negotiation.request(Telnet.TTYPE);
        negotiation.request(Telnet.NAWS);
        negotiation.request(Telnet.CHARSET);
        connection.submit(player::start);
        log.atDebug().addKeyValue("connection", connection.logId()).addKeyValue("tls", secure).log("telnet opened");
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf bytes = (ByteBuf) message;
        try {
            // A connection refused before it became active (one too many from its address) reads nothing.
            if (reader != null) reader.read(bytes, this::input);
        } finally {
            bytes.release();
        }
    }

    private void input(TelnetInput input) {
        if (!context.channel().isActive()) return;
        switch (input) {
            case TelnetInput.Line line -> line(line.text());
            case TelnetInput.Negotiate negotiate -> {
                if (!negotiation.received(negotiate.verb(), negotiate.option())) closeNow("too much negotiation");
            }
            case TelnetInput.Sub sub -> subnegotiation(sub.option(), sub.payload());
            case TelnetInput.AreYouThere _ -> connection.write(Telnet.text("[Yes]\n"));
            case TelnetInput.TooLong tooLong -> tooLong(tooLong.what());
        }
    }

    private void tooLong(TelnetInput.TooLong.What what) {
        switch (what) {
            case LINE -> {
                connection.say(Text.Tone.PROBLEM, "That line was longer than " + config.maxLineBytes() + " bytes and was dropped.");
                if (++overlongLines >= OVERLONG_LINES) closeNow("too many overlong lines");
            }
            case SUBNEGOTIATION -> closeNow("a telnet subnegotiation was too long");
        }
    }

    private void line(String text) {
        if (authenticated && !withinRateLimit()) return;
        connection.submit(() -> player.line(text));
    }

    /** Every line of a logged-in connection counts against its account's and address's request budget, as a WebSocket message does. */
    private boolean withinRateLimit() {
        try {
            wiring.limits().admit(ActionLimits.Action.REQUEST, connection.caller().accountId(), address);
            return true;
        } catch (ProtocolException limited) {
            wiring.metrics().error(limited.code());
            connection.send(ServerMessage.Error.of(null, limited));
            if (refusals == null) {
                refusals = Bucket.builder().addLimit(Bandwidth.builder().capacity(REFUSALS_PER_MINUTE)
                        .refillGreedy(REFUSALS_PER_MINUTE, Duration.ofMinutes(1)).build()).build();
            }
            if (!refusals.tryConsume(1)) closeNow("too many lines over the rate limit");
            return false;
        }
    }

    private void subnegotiation(int option, byte[] payload) {
        switch (option) {
            case Telnet.NAWS -> {
                if (payload.length >= 4) {
                    int width = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
                    connection.viewer(connection.viewer().width(width));
                }
            }
            case Telnet.TTYPE -> {
                if (payload.length > 1 && payload[0] == Telnet.IS) {
                    terminalType(TelnetReader.printable(new String(payload, 1, payload.length - 1, StandardCharsets.US_ASCII)));
                }
            }
            case Telnet.GMCP -> Gmcp.clientOf(payload).ifPresent(hello -> client = TelnetReader.printable(hello));
            default -> { } // CHARSET's answer changes nothing: the text is UTF-8 whatever the client says.
        }
    }

    /**
     * One answer of the TTYPE cycle (MTTS): the first is the client's name, then its terminal, then
     * "MTTS n" with its bits. The cycle ends when an answer repeats, and colour is on when a type
     * or the bits say the client shows it.
     */
    private void terminalType(String type) {
        if (type.isEmpty()) return;
        boolean repeated = !terminalTypes.isEmpty() && terminalTypes.getLast().equals(type);
        terminalTypes.add(type);
        String upper = type.toUpperCase(Locale.ROOT);
        if (upper.startsWith("MTTS ") && upper.substring(5).strip().matches("[0-9]{1,9}")) {
            int bits = Integer.parseInt(upper.substring(5).strip());
            connection.viewer(connection.viewer().colour((bits & MTTS_COLOUR) != 0));
        } else if (COLOUR_TERMINALS.stream().anyMatch(upper::contains)) {
            connection.viewer(connection.viewer().colour(true));
        }
        if (!repeated && terminalTypes.size() < MOST_TERMINAL_TYPES) askTerminalType();
    }

    private void askTerminalType() {
        context.writeAndFlush(Telnet.subnegotiation(Telnet.TTYPE, new byte[] {Telnet.SEND}), context.voidPromise());
    }

    /** An option came on or went off: start what it starts. */
    private void changed(int option, boolean ours, boolean on) {
        if (ours && option == Telnet.COMPRESS2 && on) {
            // The marker goes out plain, and everything after it deflated.
            context.writeAndFlush(Telnet.subnegotiation(Telnet.COMPRESS2, new byte[0]), context.voidPromise());
            context.pipeline().get(Compression.class).start();
        } else if (ours && option == Telnet.GMCP) {
            connection.gmcp(on);
        } else if (ours && option == Telnet.MSSP && on) {
            context.writeAndFlush(Telnet.subnegotiation(Telnet.MSSP, mssp.payload()), context.voidPromise());
        } else if (!ours && option == Telnet.TTYPE && on) {
            askTerminalType();
        } else if (!ours && option == Telnet.CHARSET && on) {
            context.writeAndFlush(Telnet.subnegotiation(Telnet.CHARSET,
                    new Telnet.Payload().add(Telnet.CHARSET_REQUEST).add(";UTF-8").bytes()), context.voidPromise());
        }
    }

    @Override
    public void hideTyping(boolean hide) {
        context.executor().execute(() -> {
            if (hide) negotiation.offer(Telnet.ECHO);
            else negotiation.withdraw(Telnet.ECHO);
        });
    }

    @Override
    public String userAgent() {
        String name = client != null ? client : terminalTypes.isEmpty() ? null : terminalTypes.getFirst();
        return name == null || name.isBlank() ? "telnet" : "telnet (" + name + ")";
    }

    @Override
    public void loggedIn() {
        authenticated = true;
        context.executor().execute(() -> deadline.cancel(false));
    }

    @Override
    public void prompted() {
        context.executor().execute(() -> {
            if (!negotiation.ours(Telnet.SGA)) context.writeAndFlush(Telnet.command(Telnet.GA), context.voidPromise());
        });
    }

    /** Says why, and closes at once: for abuse, whatever lines are still waiting. */
    private void closeNow(String reason) {
        log.atInfo().addKeyValue("connection", connection.logId()).addKeyValue("reason", reason).log("closing telnet connection");
        connection.say(Text.Tone.PROBLEM, "Disconnected: " + reason + ".");
        context.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(io.netty.channel.ChannelFutureListener.CLOSE);
        context.channel().config().setAutoRead(false);
    }

    /** Closes for shutdown, after the lines already read. */
    void goAway() {
        connection.closeAfterRequests("the server is shutting down");
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) deadline.cancel(false);
        TelnetConnection gone = connection;
        if (gone != null && gone.caller() != null) gone.submit(() -> wiring.delivery().closed(gone.caller()));
        log.atDebug().addKeyValue("connection", ctx.channel().id().asShortText()).addKeyValue("authenticated", authenticated)
                .log("telnet closed");
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) log.atWarn().addKeyValue("connection", ctx.channel().id().asShortText()).setCause(cause).log("telnet failed");
        ctx.close();
    }
}
