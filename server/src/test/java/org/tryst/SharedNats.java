package org.tryst;

import org.tryst.testkit.NatsServer;

/** One nats-server for the whole test run, started when a cluster first needs it; each cluster uses a subject of its own. */
final class SharedNats {
    private static NatsServer instance;

    private SharedNats() {}

    static synchronized String url() {
        if (instance == null) {
            instance = NatsServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return instance.url();
    }
}
