package org.tryst.scenes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.tryst.TestServer;
import org.tryst.client.RequestFailed;
import org.tryst.client.mls.Mls;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ServerMessage;
import org.tryst.protocol.Views;

/**
 * The Delivery Service orders commits: when dozens of members commit in the same epoch at once,
 * exactly one wins, the others are told {@code stale_epoch}, re-base and try again, and everyone
 * ends in the same epoch with the same epoch authenticator over a log with no gaps or duplicates.
 * Runs on SQLite and on PostgreSQL.
 */
abstract class CommitOrderContract {
    static final int MEMBERS = 24;

    abstract TestServer server();

    @Test
    void oneCommitPerEpochWinsAndEveryoneEndsInTheSameEpoch() throws Exception {
        List<RawDevice> members = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < MEMBERS; i++) members.add(new RawDevice(server(), "Member"));
            RawDevice creator = members.getFirst();
            Views.Scene scene = creator.createScene();
            addEveryone(creator, members.subList(1, MEMBERS), scene.id());
            for (RawDevice member : members.subList(1, MEMBERS)) member.handleNext();
            long start = creator.mls.group(scene.id()).epoch();

            // Every member builds a commit at the same epoch, then all send at once.
            List<Mls.Commit> commits = members.stream().map(member -> member.mls.group(scene.id()).commit(List.of(), List.of())).toList();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                RawDevice member = members.get(i);
                byte[] commit = commits.get(i).message();
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    try {
                        member.send(scene.id(), commit, null);
                        return "accepted";
                    } catch (RequestFailed refused) {
                        return refused.code();
                    }
                }, threads));
            }
            go.countDown();
            List<String> results = outcomes.stream().map(CompletableFuture::join).toList();
            assertThat(results).filteredOn("accepted"::equals).hasSize(1);
            assertThat(results).filteredOn("stale_epoch"::equals).hasSize(MEMBERS - 1);

            // The winner moves on; the others re-base on its commit and retry until theirs is accepted.
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                RawDevice member = members.get(i);
                boolean won = results.get(i).equals("accepted");
                done.add(CompletableFuture.runAsync(() -> settle(member, scene.id(), won, start + MEMBERS), threads));
            }
            done.forEach(CompletableFuture::join);

            byte[] authenticator = creator.mls.group(scene.id()).epochAuthenticator();
            for (RawDevice member : members) {
                assertThat(member.mls.group(scene.id()).epoch()).isEqualTo(start + MEMBERS);
                assertThat(member.mls.group(scene.id()).epochAuthenticator()).isEqualTo(authenticator);
            }
            assertThat(loggedEpochs(scene.id())).containsExactlyElementsOf(
                    java.util.stream.LongStream.range(0, start + MEMBERS).boxed().toList());
        } finally {
            members.forEach(RawDevice::close);
        }
    }

    /** Invites everyone, has each accept, claims their KeyPackages and adds them all in one commit. */
    private static void addEveryone(RawDevice creator, List<RawDevice> others, String sceneId) throws Exception {
        List<byte[]> keyPackages = new ArrayList<>();
        for (RawDevice other : others) {
            creator.request(id -> new ClientMessage.SceneInvite(id, sceneId, creator.persona.id(), other.persona.id(), null));
            String invitation = other.next(ServerMessage.InvitationReceived.class).invitation().id();
            other.request(id -> new ClientMessage.InvitationAccept(id, invitation, List.of(), "red"));
            var claimed = (ServerMessage.KeyPackages) creator.request(id -> new ClientMessage.KeyPackagesClaim(id, sceneId, other.persona.id()));
            claimed.keyPackages().forEach(kp -> keyPackages.add(Base64.getDecoder().decode(kp.keyPackage())));
        }
        Mls.Group group = creator.mls.group(sceneId);
        Mls.Commit commit = group.commit(keyPackages, List.of());
        creator.send(sceneId, commit.message(), commit.welcome());
        group.confirm();
    }

    /** Confirms a won commit, or re-bases and retries until a commit is accepted; then follows the others to the last epoch. */
    private static void settle(RawDevice member, String sceneId, boolean won, long lastEpoch) {
        Mls.Group group = member.mls.group(sceneId);
        try {
            if (won) {
                group.confirm();
            } else {
                group.discard();
                while (true) {
                    long tried = group.epoch();
                    while (group.epoch() == tried && member.events.stream().anyMatch(event -> event instanceof ServerMessage.SceneDelivery)) {
                        member.handleNext();
                    }
                    Mls.Commit commit = group.commit(List.of(), List.of());
                    try {
                        member.send(sceneId, commit.message(), null);
                        group.confirm();
                        break;
                    } catch (RequestFailed refused) {
                        assertThat(refused.code()).isEqualTo("stale_epoch");
                        group.discard();
                        while (group.epoch() == tried) member.handleNext();
                    }
                }
            }
            while (group.epoch() < lastEpoch) member.handleNext();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> loggedEpochs(String sceneId) throws Exception {
        List<Long> epochs = new ArrayList<>();
        try (var sql = server().database();
             var query = sql.prepareStatement("SELECT epoch FROM scene_epochs WHERE scene_id = ? ORDER BY epoch")) {
            query.setString(1, sceneId);
            var rows = query.executeQuery();
            while (rows.next()) epochs.add(rows.getLong(1));
        }
        return epochs;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
