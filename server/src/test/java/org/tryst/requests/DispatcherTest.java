package org.tryst.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tryst.MutableClock;
import org.tryst.cluster.Caller;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Format;
import org.tryst.cluster.Online;
import org.tryst.cluster.Streams;
import org.tryst.metrics.Metrics;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.CloseCodes;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;

/** Every request passes the gates in order before its handler, and each kind of answer reaches the socket as it says. */
class DispatcherTest {
    /** A socket that keeps what it is sent, the replies it is owed and how it was closed. */
    private static final class Kept implements Exchange {
        final List<ServerMessage> sent = new ArrayList<>();
        final List<CompletableFuture<?>> owed = new ArrayList<>();
        final List<String> closed = new ArrayList<>();
        Caller caller;

        @Override public Caller caller() {
            return caller;
        }

        @Override public void owe(CompletableFuture<?> reply) {
            owed.add(reply);
        }

        @Override public Format format() {
            return (message, sockets) -> sockets.forEach(socket -> socket.send(message));
        }

        @Override public void send(ServerMessage message) {
            sent.add(message);
        }

        @Override public void close(ServerMessage last, int code, String reason) {
            if (last != null) sent.add(last);
            closed.add(code + " " + reason);
        }

        @Override public String logId() {
            return "kept";
        }
    }

    private final Kept socket = new Kept();
    private final List<String> seen = new ArrayList<>();

    DispatcherTest() {
        MutableClock clock = new MutableClock();
        socket.caller = new Delivery(new Online(clock), new Streams(repaired -> {}, clock)).open(socket, "a1", "s1", "127.0.0.1");
    }

    private Dispatcher answering(Answer answer, Gate... gates) {
        return new Dispatcher(List.of(gates), (request, caller) -> {
            seen.add("handler");
            return answer;
        }, new Metrics());
    }

    private static final ClientMessage LIST = new ClientMessage.ChannelList("r1");

    @Test
    void theGatesRunInOrderAndTheFirstRefusalStopsTheRequestWithItsTypedError() {
        Gate muted = (caller, request) -> {
            seen.add("mutes");
            throw new ProtocolException(ErrorCode.MUTED, "muted");
        };
        Gate limits = (caller, request) -> seen.add("limits");
        answering(Answer.ok("r1"), (caller, request) -> seen.add("first"), muted, limits).handle(socket, LIST);

        assertThat(seen).containsExactly("first", "mutes");
        assertThat(socket.sent).singleElement().isInstanceOfSatisfying(ServerMessage.Error.class, error -> {
            assertThat(error.id()).isEqualTo("r1");
            assertThat(error.code()).isEqualTo(ErrorCode.MUTED.wire());
        });
    }

    @Test
    void aLaterAnswerIsOwedAndSentWhenStoredOrAsATypedErrorWhenTheWriteFails() {
        CompletableFuture<ServerMessage> stored = new CompletableFuture<>();
        answering(new Answer.Later(stored.thenApply(reply -> reply))).handle(socket, LIST);
        assertThat(socket.sent).isEmpty();
        assertThat(socket.owed).hasSize(1);
        stored.complete(new ServerMessage.Ok("r1"));
        assertThat(socket.sent).containsExactly(new ServerMessage.Ok("r1"));

        CompletableFuture<ServerMessage> refused = new CompletableFuture<>();
        answering(new Answer.Later(refused.thenApply(reply -> reply))).handle(socket, LIST);
        refused.completeExceptionally(new ProtocolException(ErrorCode.NOT_MEMBER, "not a member"));
        CompletableFuture<ServerMessage> broken = new CompletableFuture<>();
        answering(new Answer.Later(broken)).handle(socket, LIST);
        broken.completeExceptionally(new IllegalStateException("disk gone"));
        assertThat(socket.sent).extracting(message -> message instanceof ServerMessage.Error error ? error.code() : "ok")
                .containsExactly("ok", ErrorCode.NOT_MEMBER.wire(), ErrorCode.INTERNAL.wire());
    }

    @Test
    void aClosingAnswerSendsItsLastReplyThenCloses() {
        answering(new Answer.Closing(new ServerMessage.Ok("r1"), CloseCodes.SESSION_ENDED, "session ended")).handle(socket, LIST);
        assertThat(socket.sent).containsExactly(new ServerMessage.Ok("r1"));
        assertThat(socket.closed).containsExactly(CloseCodes.SESSION_ENDED + " session ended");
    }

    @Test
    void aHandlerThatFailsGivesTheInternalErrorAndTheSocketGoesOn() {
        new Dispatcher(List.of(), (request, caller) -> {
            throw new IllegalStateException("bug");
        }, new Metrics()).handle(socket, LIST);
        answering(new Answer.Delivered()).handle(socket, LIST);
        assertThat(socket.sent).singleElement().isInstanceOfSatisfying(ServerMessage.Error.class,
                error -> assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL.wire()));
        assertThat(seen).containsExactly("handler");
    }
}
