package org.tryst.cluster;

/** The bus of a server that is the only process on its database: publishing is delivering here. */
public final class LocalBus implements Bus {
    private final String node;
    private final Receiver here;

    public LocalBus(String node, Receiver here) {
        this.node = node;
        this.here = here;
    }

    @Override
    public void publish(Event event) {
        here.receive(event);
    }

    @Override
    public void publishElsewhere(Event event) {}

    @Override
    public String node() {
        return node;
    }

    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public void close() {}
}
