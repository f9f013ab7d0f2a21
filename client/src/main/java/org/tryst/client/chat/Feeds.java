package org.tryst.client.chat;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.tryst.client.TrystClient;

/**
 * Carries what the client library hears (scene events, the server's other events, and the close
 * of the connection) to the shell, each on its own thread. The library calls back on its inbound
 * thread, which must never wait on the shell, so the server's events are handed over through a
 * queue; the close joins that queue behind them, so that a notice saying why comes first.
 */
public final class Feeds implements AutoCloseable {
    private final List<Thread> threads;

    private Feeds(List<Thread> threads) {
        this.threads = threads;
    }

    /** Starts showing what arrives; {@code afterEach} runs after each shown event (to redraw the prompt). */
    public static Feeds start(TrystClient client, Shell shell, Runnable afterEach) {
        BlockingQueue<Runnable> others = new LinkedBlockingQueue<>();
        client.onOtherEvents(event -> others.add(() -> shell.incoming().show(event)));
        client.connection().closed().thenAccept(code -> others.add(() -> shell.incoming().closed(code)));
        return new Feeds(List.of(
                pump("tryst-scene-events", client.events(), event -> shell.incoming().show(event), afterEach),
                pump("tryst-server-events", others, Runnable::run, afterEach)));
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
    }

    private static <T> Thread pump(String name, BlockingQueue<T> queue, Consumer<T> show, Runnable afterEach) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                while (true) {
                    show.accept(queue.take());
                    afterEach.run();
                }
            } catch (InterruptedException quitting) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
