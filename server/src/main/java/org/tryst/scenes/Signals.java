package org.tryst.scenes;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.tryst.cluster.Caller;
import org.tryst.protocol.ClientMessage.SceneSignal;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.ServerMessage;
import org.tryst.scenes.MlsFrames.Application;
import org.tryst.scenes.SceneStore.Leaf;
import org.tryst.storage.Sql;

/**
 * Call signalling: MLS application messages checked like any scene message (the sender's device is a
 * member, the group is the scene's, the epoch is current) and handed to the member devices online
 * now. Nothing is stored or queued, so offers, answers and candidates, which name the partners'
 * addresses inside their encryption, leave no trace on the server; a device offline misses them, as a
 * phone that is off misses a ringing call.
 */
final class Signals {
    private final Sql sql;
    private final Deliveries deliveries;
    private final Clock clock;

    Signals(Sql sql, Deliveries deliveries, Clock clock) {
        this.sql = sql;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Relays one signal from the caller's device to the scene's other devices online now. */
    void relay(Caller caller, SceneSignal request) {
        String device = caller.device();
        if (device == null) throw new ProtocolException(ErrorCode.NO_DEVICE, "send device.attach on this socket first");
        byte[] data = Base64.getDecoder().decode(request.data());
        if (!(MlsFrames.parse(data) instanceof Application frame)) {
            throw new ProtocolException(ErrorCode.BAD_MLS, "a signal is an application message (PrivateMessage)");
        }
        MlsIdentity.requireGroup(frame.groupId(), request.scene());
        record Found(SceneStore.Scene scene, List<Leaf> leaves) {}
        Found found = sql.withHandle(handle -> new Found(
                SceneStore.scene(handle, request.scene()).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such scene")),
                SceneStore.leaves(handle, request.scene())));
        Leaf sender = found.leaves().stream().filter(leaf -> leaf.device().equals(device)).findFirst()
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_MEMBER, "this device is not in that scene"));
        if (frame.epoch() != found.scene().epoch()) {
            throw new ProtocolException(ErrorCode.STALE_EPOCH, "the scene is at epoch " + found.scene().epoch() + ", the signal at " + frame.epoch());
        }
        List<String> others = found.leaves().stream().map(Leaf::device).filter(other -> !other.equals(device)).toList();
        deliveries.tell(others, new ServerMessage.SceneSignalled(request.scene(), sender.persona(), frame.epoch(), request.data(), clock.millis()));
    }
}
