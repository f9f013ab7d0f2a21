package org.tryst.scenes;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.tryst.TestServer;
import org.tryst.client.SceneEvent;
import org.tryst.client.TrystClient;
import org.tryst.protocol.Views;
import org.tryst.testkit.Scratch;

/** A registered account with a persona and one device running the Java client, for scene tests. */
public final class SceneMember implements AutoCloseable {
    private final TestServer server;
    private final TestServer.User user;
    private final Path data;
    private final Clock clock;
    private final Views.Persona persona;
    private TrystClient client;

    private SceneMember(TestServer server, TestServer.User user, Path data, Clock clock, String name) {
        this.server = server;
        this.user = user;
        this.data = data;
        this.clock = clock;
        this.client = open();
        this.persona = client.createPersona(TestServer.uniqueName(name));
    }

    public static SceneMember join(TestServer server, String name) throws Exception {
        return join(server, name, Clock.systemUTC());
    }

    public static SceneMember join(TestServer server, String name, Clock clock) throws Exception {
        return new SceneMember(server, server.register(name.toLowerCase()), Scratch.directory("tryst-client"), clock, name);
    }

    public TrystClient client() {
        return client;
    }

    public Views.Persona persona() {
        return persona;
    }

    TestServer.User user() {
        return user;
    }

    /** Stops the client, as when its user quits. */
    void quit() {
        client.close();
    }

    /** Starts the client again on the same device state. */
    void restart() {
        client = open();
    }

    /** Creates a scene and brings the others in: invite, accept, and wait until each has joined. */
    Views.Scene sceneWith(SceneMember... others) throws InterruptedException {
        Views.Scene scene = client.createScene(persona.id());
        for (SceneMember other : others) bringIn(scene.id(), other);
        return scene;
    }

    void bringIn(String sceneId, SceneMember other) throws InterruptedException {
        client.invite(sceneId, persona.id(), other.persona.id(), "join us?");
        other.client.accept(other.next(SceneEvent.Invited.class).invitation());
        other.next(SceneEvent.Joined.class);
        next(SceneEvent.NewEpoch.class);
    }

    /** The next event of a type, skipping others; fails after ten seconds. */
    public <T extends SceneEvent> T next(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            SceneEvent event = client.events().poll(50, TimeUnit.MILLISECONDS);
            if (type.isInstance(event)) return type.cast(event);
        }
        throw new AssertionError(persona + ": no " + type.getSimpleName() + " within 10 s");
    }

    /** Waits until this member's group for the scene has reached the epoch, skipping events meanwhile; fails after ten seconds. */
    void reaches(String sceneId, long epoch) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (client.epoch(sceneId).epoch() < epoch) {
            if (System.nanoTime() > deadline) throw new AssertionError(persona + ": scene not at epoch " + epoch + " within 10 s");
            client.events().poll(50, TimeUnit.MILLISECONDS);
        }
    }

    /** The next change of a scene that satisfies the condition, skipping others. */
    Views.Scene changed(java.util.function.Predicate<Views.Scene> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            SceneEvent event = client.events().poll(50, TimeUnit.MILLISECONDS);
            if (event instanceof SceneEvent.Changed changed && condition.test(changed.scene())) return changed.scene();
        }
        throw new AssertionError(persona + ": no such scene change within 10 s");
    }

    /** Fails if anything is said to this member within the given time. */
    void hearsNothingFor(Duration quiet) throws InterruptedException {
        quietFor(quiet, SceneEvent.Said.class);
    }

    /** Fails if a call signal reaches this member within the given time. */
    void expectNoSignalFor(Duration quiet) throws InterruptedException {
        quietFor(quiet, SceneEvent.Signalled.class);
    }

    private void quietFor(Duration quiet, Class<? extends SceneEvent> type) throws InterruptedException {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            SceneEvent event = client.events().poll(20, TimeUnit.MILLISECONDS);
            if (type.isInstance(event)) throw new AssertionError(persona + " received " + event);
        }
    }

    /** The next text said in a scene. */
    public String heard() throws InterruptedException {
        return next(SceneEvent.Said.class).text();
    }

    @Override
    public void close() {
        client.close();
    }

    private TrystClient open() {
        return TrystClient.open(URI.create(server.origin()), user.token(), data, clock);
    }
}
