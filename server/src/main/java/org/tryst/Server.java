package org.tryst;

import io.netty.handler.ssl.SslContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.accounts.AccountDeletion;
import org.tryst.accounts.DataExport;
import org.tryst.accounts.AccountRequests;
import org.tryst.accounts.Accounts;
import org.tryst.accounts.Argon2Settings;
import org.tryst.accounts.LoginThrottle;
import org.tryst.accounts.PasswordHasher;
import org.tryst.accounts.PasswordPolicy;
import org.tryst.accounts.Sanctions;
import org.tryst.accounts.SecondFactors;
import org.tryst.accounts.Sessions;
import org.tryst.age.AgeAssurance;
import org.tryst.board.Board;
import org.tryst.board.BoardRequests;
import org.tryst.cluster.Bus;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Buses;
import org.tryst.cluster.Online;
import org.tryst.cluster.Streams;
import org.tryst.config.Config;
import org.tryst.consent.Boundaries;
import org.tryst.consent.Catalogue;
import org.tryst.consent.ConsentRequests;
import org.tryst.gateway.Gateway;
import org.tryst.gateway.MetricsListener;
import org.tryst.gateway.Wiring;
import org.tryst.metrics.Metrics;
import org.tryst.moderation.AuditLog;
import org.tryst.moderation.Enforcement;
import org.tryst.moderation.Moderation;
import org.tryst.moderation.ModerationRequests;
import org.tryst.moderation.Moderators;
import org.tryst.moderation.ReportStore;
import org.tryst.moderation.Reports;
import org.tryst.personas.Acting;
import org.tryst.personas.Avatars;
import org.tryst.personas.PersonaDeletion;
import org.tryst.personas.PersonaRequests;
import org.tryst.personas.Personas;
import org.tryst.protocol.CloseCodes;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;
import org.tryst.channels.ChannelRequests;
import org.tryst.channels.Channels;
import org.tryst.requests.Dispatcher;
import org.tryst.media.MediaRequests;
import org.tryst.wellbeing.Wellbeing;
import org.tryst.wellbeing.WellbeingRequests;
import org.tryst.media.TurnCredentials;
import org.tryst.safety.ActionLimits;
import org.tryst.safety.Blocks;
import org.tryst.safety.BucketStore;
import org.tryst.safety.SafetyRequests;
import org.tryst.scenes.Devices;
import org.tryst.scenes.SceneRequests;
import org.tryst.scenes.Scenes;
import org.tryst.statuses.StatusRequests;
import org.tryst.statuses.Statuses;
import org.tryst.statuses.Typing;
import org.tryst.storage.Database;
import org.tryst.storage.Readiness;
import org.tryst.telnet.TelnetGateway;
import org.tryst.world.World;
import org.tryst.world.WorldPlay;
import org.tryst.world.WorldRequests;

/**
 * The composition root: builds every part of a server through its constructor, in one place, and
 * starts the listener and the periodic sweeps (expired sessions, old history, idle rate limits, the positions of idle streams,
 * expired board ads).
 */
public final class Server implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Server.class);
    private static final long SWEEP_SECONDS = 60;

    private final Database database;
    private final Channels channels;
    private final Scenes scenes;
    private final WorldRequests worldRequests;
    private final Gateway gateway;
    private final TelnetGateway telnet;
    private final int telnetPort;
    private final Bus bus;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tryst-sweeper").daemon().factory());
    private final int httpPort;
    private final MetricsListener metricsListener;
    private final OptionalInt metricsPort;

    private Server(Config config, Clock clock) throws InterruptedException {
        // A certificate that cannot be used stops start-up before anything is open.
        Optional<SslContext> telnetTls = TelnetGateway.tls(config.telnet());
        database = Database.open(config.storage(), config.http().dataDir());
        var sql = database.sql();
        // The first start of a server makes its world: the shipped starting area.
        World world = new World(sql);
        world.makeIfNone();
        Config.Accounts accountsConfig = config.accounts();
        BucketStore buckets = BucketStore.of(database, clock);
        Sessions sessions = new Sessions(sql, accountsConfig, config.gateway(), config.rateLimits(), buckets, clock);
        LoginThrottle throttle = new LoginThrottle(accountsConfig, buckets);
        Sanctions sanctions = new Sanctions(sql, clock);
        Metrics metrics = new Metrics();
        Online online = new Online(clock);
        Streams streams = new Streams(metrics::busGapRepaired, clock);
        Delivery delivery = new Delivery(online, streams);
        Wellbeing wellbeing = new Wellbeing(sql, delivery, clock);
        SecondFactors secondFactors = new SecondFactors(sql, clock);
        Accounts accounts = new Accounts(sql,
                new PasswordHasher(new Argon2Settings(accountsConfig.argon2MemoryKib(), accountsConfig.argon2Iterations(),
                        accountsConfig.argon2Parallelism())),
                new PasswordPolicy(accountsConfig.minPasswordLength(), accountsConfig.maxPasswordLength(),
                        accountsConfig.commonPasswordsRefused()),
                throttle, sessions, secondFactors, List.of(sanctions, wellbeing), clock);
        Personas personas = new Personas(sql, config.personas(), delivery, clock);
        Avatars avatars = new Avatars(sql, personas, clock);
        metrics.connections(delivery::size);
        Blocks blocks = new Blocks(sql, personas, delivery, clock);
        bus = Buses.open(config.cluster(), delivery, metrics, clock);
        delivery.start(bus, blocks);
        ActionLimits actionLimits = new ActionLimits(config.rateLimits(), buckets);
        this.channels = new Channels(database, config.channels(), blocks, delivery, online, streams, clock);
        Devices devices = new Devices(sql, config.scenes(), clock);
        Boundaries boundaries = new Boundaries(sql, Catalogue.load(config.consent()), config.consent(), clock);
        this.scenes = new Scenes(sql, personas, boundaries, devices, delivery, streams, blocks, wellbeing::excluded, config.scenes(),
                config.moderation(), clock);
        Enforcement enforcement = new Enforcement(sanctions, delivery, channels, clock);
        ReportStore reportStore = new ReportStore(sql);
        Moderation moderation = new Moderation(sql, clock);
        Moderators moderators = new Moderators(accounts, personas, channels, reportStore, moderation, enforcement,
                new AuditLog(sql));
        Acting acting = new Acting(personas, enforcement, blocks);
        WorldPlay play = new WorldPlay(world, personas, accounts, blocks, delivery, online, config.world(), clock);
        this.worldRequests = new WorldRequests(play, world, personas, accounts, blocks, delivery, online, acting, moderation::record,
                config, clock);
        Board board = new Board(sql, personas, boundaries, blocks, play::optedInToAdult, enforcement::inGoodStanding, online,
                config.board(), clock);
        Statuses statuses = new Statuses(sql, personas, online, blocks, enforcement::inGoodStanding, clock);
        statuses.watch(channels::statusChanged);
        statuses.watch(play::statusChanged);
        statuses.watch(scenes::statusChanged);
        Typing typing = new Typing(sql, delivery, clock);
        PersonaDeletion personaDeletion = new PersonaDeletion(personas, delivery,
                List.of(scenes::forget, play::forget, persona -> channels.forget(persona.id())));
        AccountDeletion accountDeletion = new AccountDeletion(sql, accounts, personas, personaDeletion, blocks, delivery);
        Routes routes = new Routes(new AccountRequests(accounts, sessions, accountDeletion, delivery, secondFactors),
                new PersonaRequests(personas, avatars, personaDeletion, acting, channels::pictureChanged, online),
                new ChannelRequests(channels, acting, accounts, config.channels(), metrics, play::rejoin),
                new SceneRequests(scenes, devices, acting, play::setting),
                new ConsentRequests(boundaries, acting),
                new SafetyRequests(blocks, (account, other, blocked) -> {
                    channels.regrouped(account, other, blocked);
                    play.regrouped(account, other, blocked);
                }),
                new ModerationRequests(new Reports(reportStore, personas, scenes, channels, world, board, clock), moderators, acting),
                worldRequests,
                new MediaRequests(new TurnCredentials(config.media(), clock), scenes),
                new WellbeingRequests(wellbeing),
                new BoardRequests(board, acting),
                new StatusRequests(statuses, typing, acting, channels, play));
        AgeAssurance age = new AgeAssurance(sql, config.age(), clock);
        // The one request policy, in order: an account its own limits keep out, then a muted one, then one that has yet
        // to verify its age where the server requires it, before any spends a limit.
        Dispatcher dispatcher = new Dispatcher(List.of(wellbeing, enforcement, age, actionLimits), routes, metrics);
        Views.Limits advertised = new Views.Limits(config.gateway().maxFrameBytes(), config.channels().maxTextLength(),
                config.personas().maxPerAccount(), TimeUnit.HOURS.toMillis(config.channels().historyRetentionHours()));
        Wiring wiring = new Wiring(accounts, sessions, personas, dispatcher, delivery, actionLimits, metrics, virtualThreads,
                advertised, config.gateway().maxPendingRequests(), enforcement, avatars, typing::shares,
                new DataExport(sql), age);
        gateway = new Gateway(config.http(), config.gateway(), config.web(), wiring, readiness(new Readiness(sql, clock), bus));
        httpPort = gateway.start(config.http().bind(), config.http().port());
        telnet = new TelnetGateway(config.telnet(), config.gateway(), wiring, gateway::bootstrap, telnetTls, clock);
        telnetPort = telnet.start(config.http().bind());
        metricsListener = new MetricsListener(config.metrics(), metrics);
        metricsPort = metricsListener.start();
        sweeper.scheduleWithFixedDelay(() -> virtualThreads.execute(() -> sweep(sessions, streams, channels, throttle, actionLimits)),
                SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
        int expirySeconds = config.scenes().expirySweepSeconds();
        sweeper.scheduleWithFixedDelay(() -> virtualThreads.execute(() -> sweepScenes(scenes)), expirySeconds, expirySeconds,
                TimeUnit.SECONDS);
        long heartbeat = Online.HEARTBEAT.toMillis();
        sweeper.scheduleWithFixedDelay(() -> virtualThreads.execute(online::heartbeat), heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        int moderationSeconds = config.moderation().sweepSeconds();
        // Moderators' decisions taken by the command line or another server process.
        sweeper.scheduleWithFixedDelay(() -> virtualThreads.execute(() -> sweeping("moderation", enforcement::sweep)), moderationSeconds,
                moderationSeconds, TimeUnit.SECONDS);
        int wellbeingSeconds = config.wellbeing().sweepSeconds();
        sweeper.scheduleWithFixedDelay(() -> virtualThreads.execute(() -> sweeping("wellbeing", wellbeing::sweep)), wellbeingSeconds,
                wellbeingSeconds, TimeUnit.SECONDS);
        // Sessions ended from the command line close their sockets as soon as the operator's other decisions do.
        sweeper.scheduleWithFixedDelay(() -> virtualThreads.execute(() -> sweeping("sessions", () -> closeEnded(sessions, delivery, enforcement))),
                moderationSeconds, moderationSeconds, TimeUnit.SECONDS);
        // Accounts operators deleted from the command line.
        sweeper.scheduleWithFixedDelay(() -> virtualThreads.execute(() -> sweeping("account deletion", accountDeletion::sweep)),
                moderationSeconds, moderationSeconds, TimeUnit.SECONDS);
        // Log-ins that waited for their second factor in vain.
        sweeper.scheduleWithFixedDelay(() -> virtualThreads.execute(() -> sweeping("logins", accounts::sweep)), SWEEP_SECONDS, SWEEP_SECONDS,
                TimeUnit.SECONDS);
        // Ads past their lifetime, already off the board, leave the database.
        sweeper.scheduleWithFixedDelay(() -> virtualThreads.execute(() -> sweeping("board", board::sweep)), SWEEP_SECONDS, SWEEP_SECONDS,
                TimeUnit.SECONDS);
        log.atInfo().addKeyValue("port", httpPort).addKeyValue("telnetPort", telnetPort).addKeyValue("metricsPort", metricsPort.isPresent() ? metricsPort.getAsInt() : "off")
                .addKeyValue("storage", config.storage().kind())
                .addKeyValue("node", bus.node()).addKeyValue("bus", config.cluster().clustered() ? "nats" : "in-process")
                .addKeyValue("transport", gateway.transport()).log("listening");
    }

    /** Why this process should not get traffic now: the database takes no write, or the bus does not reach the other processes. */
    private static java.util.function.Supplier<java.util.Optional<String>> readiness(Readiness database, Bus bus) {
        return () -> database.unready().or(() -> bus.connected() ? java.util.Optional.empty()
                : java.util.Optional.of("the bus (NATS) does not reach the other processes"));
    }

    /** Builds and starts a server; it is ready to serve when this returns. */
    public static Server start(Config config) throws InterruptedException {
        return start(config, Clock.systemUTC());
    }

    /** Starts a server on a given clock, so that tests can move time forward. */
    static Server start(Config config, Clock clock) throws InterruptedException {
        return new Server(config, clock);
    }

    /** The port HTTP and WebSocket listen on. */
    public int httpPort() {
        return httpPort;
    }

    /** The port telnet listens on. */
    public int telnetPort() {
        return telnetPort;
    }

    /** The port telnet over TLS listens on, when the operator gave a certificate. */
    public OptionalInt telnetTlsPort() {
        return telnet.tlsPort();
    }

    /** The port {@code /metrics} listens on, unless its listener is off. */
    public OptionalInt metricsPort() {
        return metricsPort;
    }

    private void sweep(Sessions sessions, Streams streams, Channels channels, LoginThrottle throttle, ActionLimits actionLimits) {
        try {
            sessions.sweep();
            int forgotten = channels.sweepHistory() + worldRequests.sweep();
            throttle.sweep();
            actionLimits.sweep();
            streams.forgetIdle();
            if (forgotten > 0) log.atInfo().addKeyValue("messages", forgotten).log("history past retention deleted");
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("sweep failed");
        }
    }

    /** Deletes scene ciphertext whose disappearing timer ran out; often, since the timer is a promise to users. */
    private static void sweepScenes(Scenes scenes) {
        try {
            int deleted = scenes.sweep();
            if (deleted > 0) log.atDebug().addKeyValue("messages", deleted).log("expired scene messages deleted");
        } catch (RuntimeException e) {
            log.atError().setCause(e).log("scene sweep failed");
        }
    }

    /** Runs one periodic sweep; a failure is logged, and the next sweep runs as planned. */
    /**
     * Closes the sockets whose sessions are gone: expired, or ended from the command line (a password
     * reset, {@code users sessions --end}). A suspension or ban ends sessions too: those accounts hear why.
     */
    private static void closeEnded(Sessions sessions, Delivery delivery, Enforcement enforcement) {
        // One list for both steps: a socket that connects in between was not asked about, so it must not be closed.
        List<Caller> callers = delivery.callers();
        Set<String> live = sessions.existing(callers.stream().map(Caller::sessionId).collect(Collectors.toSet()));
        ServerMessage expired = new ServerMessage.Error(null, ErrorCode.SESSION_INVALID.wire(), "session expired", null);
        Set<String> barred = new java.util.HashSet<>();
        for (Caller caller : callers) {
            if (live.contains(caller.sessionId())) continue;
            if (barred.contains(caller.accountId()) || enforcement.closeIfBarred(caller.accountId())) barred.add(caller.accountId());
            else delivery.close(caller, expired, CloseCodes.SESSION_ENDED, "session ended");
        }
    }

    private static void sweeping(String what, Runnable sweep) {
        try {
            sweep.run();
        } catch (RuntimeException e) {
            log.atError().setCause(e).log(what + " sweep failed");
        }
    }

    /** Stops in order: sockets first, so each is told why and gets its replies; then domain work; then the event loops and storage. */
    @Override
    public void close() {
        sweeper.shutdownNow();
        metricsListener.close();
        telnet.closeConnections();
        gateway.closeConnections();
        virtualThreads.shutdown();
        try {
            virtualThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        telnet.close();
        gateway.close();
        channels.close();
        worldRequests.close();
        scenes.close();
        bus.close();
        database.close();
        log.atInfo().log("stopped");
    }
}
