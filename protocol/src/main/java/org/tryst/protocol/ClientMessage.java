package org.tryst.protocol;

import static org.tryst.protocol.Fields.channelName;
import static org.tryst.protocol.Fields.ref;
import static org.tryst.protocol.Fields.nonBlank;
import static org.tryst.protocol.Fields.optionalText;
import static org.tryst.protocol.Fields.personaName;
import static org.tryst.protocol.Fields.present;
import static org.tryst.protocol.Fields.requestId;
import static org.tryst.protocol.Fields.text;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Everything a client may send over the WebSocket. Each record validates itself when built, so a
 * message that reaches the server's dispatcher is well formed; {@code id} is the optional request id
 * echoed on the reply. Personas are always named by id: the account behind them is never on the wire.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(ClientMessage.Hello.class),
    @JsonSubTypes.Type(ClientMessage.SessionsList.class),
    @JsonSubTypes.Type(ClientMessage.SessionRevoke.class),
    @JsonSubTypes.Type(ClientMessage.LogoutEverywhere.class),
    @JsonSubTypes.Type(ClientMessage.PasswordChange.class),
    @JsonSubTypes.Type(ClientMessage.AccountDelete.class),
    @JsonSubTypes.Type(ClientMessage.PersonaCreate.class),
    @JsonSubTypes.Type(ClientMessage.PersonaUpdate.class),
    @JsonSubTypes.Type(ClientMessage.PersonaDelete.class),
    @JsonSubTypes.Type(ClientMessage.PersonaList.class),
    @JsonSubTypes.Type(ClientMessage.PersonaShow.class),
    @JsonSubTypes.Type(ClientMessage.PersonaUse.class),
    @JsonSubTypes.Type(ClientMessage.PresenceSet.class),
    @JsonSubTypes.Type(ClientMessage.ChannelList.class),
    @JsonSubTypes.Type(ClientMessage.ChannelCreate.class),
    @JsonSubTypes.Type(ClientMessage.ChannelJoin.class),
    @JsonSubTypes.Type(ClientMessage.ChannelLeave.class),
    @JsonSubTypes.Type(ClientMessage.Say.class),
    @JsonSubTypes.Type(ClientMessage.Pose.class),
    @JsonSubTypes.Type(ClientMessage.TopicSet.class),
    @JsonSubTypes.Type(ClientMessage.MembersList.class),
    @JsonSubTypes.Type(ClientMessage.HistoryFetch.class),
    @JsonSubTypes.Type(ClientMessage.Kick.class),
})
public sealed interface ClientMessage {
    /** Longest persona summary (the short description). */
    int MAX_SUMMARY = 200;
    /** Longest persona description (the long one). */
    int MAX_DESCRIPTION = 8_000;
    /** Longest pronouns string. */
    int MAX_PRONOUNS = 40;
    /** Longest channel topic. */
    int MAX_TOPIC = 300;
    /** Longest password the server accepts; long passphrases are welcome. */
    int MAX_PASSWORD = 1_024;

    /** The request id, echoed on the reply; may be null. */
    String id();

    /** Opens the session: the protocol version the client speaks and the single-use socket ticket from HTTP. */
    @JsonTypeName("hello")
    record Hello(String id, Integer version, String ticket) implements ClientMessage {
        public Hello {
            requestId(id);
            present(version, "version");
            nonBlank(ticket, "ticket", 128);
        }
    }

    /** Lists the account's open sessions (devices). */
    @JsonTypeName("sessions.list")
    record SessionsList(String id) implements ClientMessage {
        public SessionsList {
            requestId(id);
        }
    }

    /** Ends one of the account's sessions, closing its sockets. */
    @JsonTypeName("session.revoke")
    record SessionRevoke(String id, String session) implements ClientMessage {
        public SessionRevoke {
            requestId(id);
            ref(session, "session");
        }
    }

    /** Ends every session of the account, this one included. */
    @JsonTypeName("logout.everywhere")
    record LogoutEverywhere(String id) implements ClientMessage {
        public LogoutEverywhere {
            requestId(id);
        }
    }

    /** Changes the password; every other session is ended. */
    @JsonTypeName("password.change")
    record PasswordChange(String id, String current, String next) implements ClientMessage {
        public PasswordChange {
            requestId(id);
            text(current, "current", MAX_PASSWORD);
            text(next, "next", MAX_PASSWORD);
        }
    }

    /** Deletes the account and everything it owns, confirmed with the password. */
    @JsonTypeName("account.delete")
    record AccountDelete(String id, String password) implements ClientMessage {
        public AccountDelete {
            requestId(id);
            text(password, "password", MAX_PASSWORD);
        }
    }

    /** Creates a persona of this account. */
    @JsonTypeName("persona.create")
    record PersonaCreate(String id, String name, String summary, String description, String pronouns) implements ClientMessage {
        public PersonaCreate {
            requestId(id);
            personaName(name);
            optionalText(summary, "summary", MAX_SUMMARY);
            optionalText(description, "description", MAX_DESCRIPTION);
            optionalText(pronouns, "pronouns", MAX_PRONOUNS);
        }
    }

    /** Changes a persona's summary, description or pronouns; absent fields keep their value. */
    @JsonTypeName("persona.update")
    record PersonaUpdate(String id, String persona, String summary, String description, String pronouns) implements ClientMessage {
        public PersonaUpdate {
            requestId(id);
            ref(persona, "persona");
            optionalText(summary, "summary", MAX_SUMMARY);
            optionalText(description, "description", MAX_DESCRIPTION);
            optionalText(pronouns, "pronouns", MAX_PRONOUNS);
        }
    }

    /** Deletes a persona with its memberships and messages. */
    @JsonTypeName("persona.delete")
    record PersonaDelete(String id, String persona) implements ClientMessage {
        public PersonaDelete {
            requestId(id);
            ref(persona, "persona");
        }
    }

    /** Lists this account's personas. */
    @JsonTypeName("persona.list")
    record PersonaList(String id) implements ClientMessage {
        public PersonaList {
            requestId(id);
        }
    }

    /** Shows any persona's public profile, by display name. */
    @JsonTypeName("persona.show")
    record PersonaShow(String id, String name) implements ClientMessage {
        public PersonaShow {
            requestId(id);
            nonBlank(name, "name", 64);
        }
    }

    /** Goes online as a persona on this socket: it then receives the traffic of the persona's channels. */
    @JsonTypeName("persona.use")
    record PersonaUse(String id, String persona) implements ClientMessage {
        public PersonaUse {
            requestId(id);
            ref(persona, "persona");
        }
    }

    /** Sets a persona in use on this socket to online or away. */
    @JsonTypeName("presence.set")
    record PresenceSet(String id, String persona, Presence status) implements ClientMessage {
        public PresenceSet {
            requestId(id);
            ref(persona, "persona");
            present(status, "status");
            if (status == Presence.OFFLINE) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "status must be online or away");
            }
        }
    }

    /** Lists the public channels. */
    @JsonTypeName("channel.list")
    record ChannelList(String id) implements ClientMessage {
        public ChannelList {
            requestId(id);
        }
    }

    /** Creates a public channel owned by the persona, which joins it. */
    @JsonTypeName("channel.create")
    record ChannelCreate(String id, String persona, String channel, String topic) implements ClientMessage {
        public ChannelCreate {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            optionalText(topic, "topic", MAX_TOPIC);
        }
    }

    /** Joins a channel as a persona; the reply carries members, topic and recent history. */
    @JsonTypeName("channel.join")
    record ChannelJoin(String id, String persona, String channel) implements ClientMessage {
        public ChannelJoin {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
        }
    }

    /** Leaves a channel. */
    @JsonTypeName("channel.leave")
    record ChannelLeave(String id, String persona, String channel) implements ClientMessage {
        public ChannelLeave {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
        }
    }

    /** Says something in a channel. */
    @JsonTypeName("say")
    record Say(String id, String persona, String channel, String text) implements ClientMessage {
        public Say {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            nonBlank(text, "text", Fields.MAX_TEXT);
        }
    }

    /** Poses (emotes, {@code /me}) in a channel: the text describes what the persona does. */
    @JsonTypeName("pose")
    record Pose(String id, String persona, String channel, String text) implements ClientMessage {
        public Pose {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            nonBlank(text, "text", Fields.MAX_TEXT);
        }
    }

    /** Sets a channel's topic; any member may. */
    @JsonTypeName("channel.topic")
    record TopicSet(String id, String persona, String channel, String topic) implements ClientMessage {
        public TopicSet {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            text(topic, "topic", MAX_TOPIC);
        }
    }

    /** Lists a channel's members with their presence. */
    @JsonTypeName("channel.members")
    record MembersList(String id, String channel) implements ClientMessage {
        public MembersList {
            requestId(id);
            channelName(channel);
        }
    }

    /** Fetches older history of a channel the persona is a member of: messages before {@code before}, newest last. */
    @JsonTypeName("channel.history")
    record HistoryFetch(String id, String persona, String channel, String before, Integer limit) implements ClientMessage {
        public HistoryFetch {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            if (before != null) ref(before, "before");
            if (limit != null && (limit < 1 || limit > 200)) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "limit must be 1 to 200");
            }
        }
    }

    /** The channel's owner removes a member. */
    @JsonTypeName("channel.kick")
    record Kick(String id, String persona, String channel, String target, String reason) implements ClientMessage {
        public Kick {
            requestId(id);
            ref(persona, "persona");
            channelName(channel);
            ref(target, "target");
            optionalText(reason, "reason", MAX_TOPIC);
        }
    }
}
