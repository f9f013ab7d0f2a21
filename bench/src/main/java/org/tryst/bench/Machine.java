package org.tryst.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** What a run happened on, printed above its tables: figures from separate machines do not compare. */
record Machine(String cpu, long cores, long memoryMib, String kernel, String jdk, String node, String prosody, String nats) {
    static Machine describe() throws IOException, InterruptedException {
        List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
        String model = cpuinfo.stream().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown");
        long cores = cpuinfo.stream().filter(line -> line.startsWith("processor")).count();
        long memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst().orElse(0);
        return new Machine(model, cores, memory, firstLine("uname", "-r"), Runtime.version().toString(),
                firstLine("node", "--version"), firstLine("dpkg-query", "-W", "-f=${Version}", "prosody"),
                firstLine("dpkg-query", "-W", "-f=${Version}", "nats-server"));
    }

    String markdown(String commandLine, String serverCpus) {
        return String.format(Locale.ROOT, """
                Machine: %s, %d cores, %,d MiB, Linux %s; JDK %s, Node.js %s, Prosody %s, nats-server %s.
                Servers pinned to CPUs %s, the load generator to the others; loopback only, no TLS.
                Command: `%s`
                """, cpu, cores, memoryMib, kernel, jdk, node, prosody, nats,
                serverCpus == null ? "(none: all share all cores)" : serverCpus, commandLine);
    }

    private static String firstLine(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            process.waitFor(5, TimeUnit.SECONDS);
            return process.exitValue() == 0 && !out.isEmpty() ? out.lines().findFirst().orElse("?") : "not installed";
        } catch (IOException missing) {
            return "not installed";
        }
    }
}
