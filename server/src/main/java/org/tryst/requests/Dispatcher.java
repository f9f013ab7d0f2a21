package org.tryst.requests;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tryst.cluster.Caller;
import org.tryst.metrics.Metrics;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;

/**
 * Answers each request of an authenticated socket, from any transport: past the policy's gates, to
 * the capability that owns it, and its answer back to the socket. Runs on the socket's virtual
 * thread; each request gets exactly one reply, or an error.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final List<Gate> gates;
    private final Handler<ClientMessage> routes;
    private final Metrics metrics;

    /** The gates are the one request policy, passed in order; the first to refuse a request throws. */
    public Dispatcher(List<Gate> gates, Handler<ClientMessage> routes, Metrics metrics) {
        this.gates = List.copyOf(gates);
        this.routes = routes;
        this.metrics = metrics;
    }

    /** Answers one request. */
    public void handle(Exchange exchange, ClientMessage request) {
        metrics.request(request.getClass().getAnnotation(JsonTypeName.class).value());
        Caller caller = exchange.caller();
        try {
            for (Gate gate : gates) gate.admit(caller, request);
            give(exchange, request.id(), routes.answer(request, caller));
        } catch (ProtocolException problem) {
            refuse(exchange, request.id(), problem);
        } catch (RuntimeException failure) {
            fail(exchange, request.id(), failure);
        }
    }

    private void give(Exchange exchange, String requestId, Answer answer) {
        switch (answer) {
            case Answer.Now(ServerMessage reply) -> exchange.send(reply);
            case Answer.Later(var reply) -> exchange.owe(reply.whenComplete((message, failure) -> {
                switch (failure instanceof CompletionException wrapped ? wrapped.getCause() : failure) {
                    case null -> exchange.send(message);
                    case ProtocolException problem -> refuse(exchange, requestId, problem);
                    default -> fail(exchange, requestId, failure);
                }
            }));
            case Answer.Closing(ServerMessage last, int code, String reason) -> exchange.close(last, code, reason);
            case Answer.Delivered() -> { }
        }
    }

    private void refuse(Exchange exchange, String requestId, ProtocolException problem) {
        metrics.error(problem.code());
        exchange.send(ServerMessage.Error.of(requestId, problem));
    }

    private void fail(Exchange exchange, String requestId, Throwable failure) {
        metrics.error(ErrorCode.INTERNAL);
        log.atError().addKeyValue("connection", exchange.logId()).setCause(failure).log("request failed");
        exchange.send(new ServerMessage.Error(requestId, ErrorCode.INTERNAL.wire(), "the server failed; try again", null));
    }
}
