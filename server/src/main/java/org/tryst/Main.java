package org.tryst;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tryst.config.Config;
import org.tryst.config.ConfigException;
import org.tryst.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code tryst} command: {@code serve} (the default) runs the server, {@code admin} is the
 * operator's tool. Every command and subcommand answers {@code --help} and {@code --version}.
 */
@Command(name = "tryst", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "Tryst 0.1.0",
        description = "A private, consent-first place for adults to meet.",
        subcommands = {Main.Serve.class, Main.Admin.class})
public final class Main implements Callable<Integer> {

    /** Options every command shares: where the configuration and the data are. */
    static final class Location {
        @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (TOML). Default: tryst.toml if present.")
        Path config;

        @Option(names = "--data", paramLabel = "DIR", description = "Data directory. Default: ./data")
        String data;

        Config load(Integer httpPort, Integer telnetPort) {
            Path file = config != null ? config : Files.exists(Path.of("tryst.toml")) ? Path.of("tryst.toml") : null;
            Map<String, String> environment = new HashMap<>(System.getenv());
            // Flags beat the environment, which beats the file.
            if (httpPort != null) environment.put("TRYST_HTTP_PORT", httpPort.toString());
            if (telnetPort != null) environment.put("TRYST_TELNET_PORT", telnetPort.toString());
            if (data != null) environment.put("TRYST_HTTP_DATA", data);
            ConfigLoader.misspelt(environment).forEach(warning -> System.err.println("tryst: warning: " + warning));
            return ConfigLoader.load(file, environment);
        }
    }

    @Override
    public Integer call() throws Exception {
        return new Serve().call();
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@code ./tryst} runs it: a configuration that cannot be used is one line, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((failure, command, parsed) -> {
            if (failure instanceof ConfigException) {
                command.getErr().println("tryst: " + failure.getMessage());
                return 2;
            }
            throw failure;
        });
        return line;
    }

    /** Runs the server until interrupted. */
    @Command(name = "serve", description = "Run the server (the default command).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Mixin
        Location location = new Location();

        @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP and WebSocket port. Default: 8080")
        Integer httpPort;

        @Option(names = "--telnet-port", paramLabel = "PORT", description = "Telnet port of the text world, for MUD clients. Default: 4000")
        Integer telnetPort;

        @Override
        public Integer call() throws Exception {
            Config config = location.load(httpPort, telnetPort);
            Logs.configure(config.log());
            Server server = Server.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            // Pages of the allowed origins alone may use the server: behind a proxy, that is the address to open.
            List<String> origins = config.gateway().allowedOrigins();
            String open = origins.isEmpty() ? "http://" + config.http().bind() + ":" + server.httpPort() : origins.getFirst();
            System.out.println("Tryst is running: open " + open + "/  (Ctrl-C stops it)");
            stopped.await();
            return 0;
        }
    }

    /** Operator commands that work on the data directory directly, with the server stopped or running. */
    @Command(name = "admin", description = "Operator tools.",
            subcommands = {Admin.Options.class, AdminTrace.class,
        // Moderation
        AdminModeration.Role.class, AdminModeration.Reports.class, AdminModeration.Report.class, AdminModeration.Warn.class,
        AdminModeration.Mute.class, AdminModeration.Unmute.class, AdminModeration.Suspend.class, AdminModeration.Unsuspend.class,
        AdminModeration.Ban.class, AdminModeration.Unban.class, AdminModeration.Close.class, AdminModeration.Audit.class,
        // The text world
        AdminWorld.class,
        // People's own limits, as far as an operator may see them
        AdminWellbeing.class,
        // Accounts
        AdminUsers.class})
    static final class Admin {

        /** Prints every configuration option with its current value and environment variable. */
        @Command(name = "options", description = "List every configuration option, its environment variable and its current value.")
        static final class Options implements Callable<Integer> {
            @CommandLine.Mixin
            Location location = new Location();

            @Override
            public Integer call() {
                Config config = location.load(null, null);
                for (ConfigLoader.Option option : ConfigLoader.options(config)) {
                    String value = (option.path().endsWith("password") || option.path().endsWith("token")) && !option.value().asText().isEmpty()
                            ? "(set)" : Config.Cluster.withoutSecret(option.value().toString());
                    System.out.printf("%-46s %-52s %s%n", option.path(), option.environmentName(), value);
                }
                return 0;
            }
        }
    }
}
