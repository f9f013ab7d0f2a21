package org.tryst.personas;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.config.Config;
import org.tryst.protocol.ClientMessage;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.Names;
import org.tryst.protocol.ProtocolException;
import org.tryst.storage.Ids;
import org.tryst.storage.Sql;

/**
 * The personas of accounts. Display names are unique under their {@link Names#skeleton skeleton},
 * regardless of case, so nobody can pass as someone else by a look-alike spelling of the same name.
 */
public final class Personas {
    /** Reads a persona from a row of the personas table. */
    public static final RowMapper<Persona> ROW = (rs, ctx) -> new Persona(rs.getString("id"),
            rs.getString("account_id"), rs.getString("name"), rs.getString("summary"), rs.getString("description"),
            rs.getString("pronouns"), rs.getString("avatar"),
            Persona.Chosen.read(rs.getString("status"), rs.getString("status_line"), rs.getLong("status_at")));

    /** Personas by id, for the lookup every action in a room makes; bounded, and dropped on change. */
    private final Cache<String, Persona> byId = Caffeine.newBuilder().maximumSize(100_000).build();
    /** The name of the cache of personas that other processes are told to drop from. */
    private static final String CACHE = "personas";

    private final Sql sql;
    private final Config.Personas config;
    private final Delivery delivery;
    private final Clock clock;

    public Personas(Sql sql, Config.Personas config, Delivery delivery, Clock clock) {
        this.sql = sql;
        this.config = config;
        this.delivery = delivery;
        this.clock = clock;
        delivery.cache(CACHE, personaId -> {
            if (personaId == null) byId.invalidateAll();
            else byId.invalidate(personaId);
        });
    }

    /** Creates a persona for the account. */
    public Persona create(String accountId, ClientMessage.PersonaCreate request) {
        Persona persona = new Persona(Ids.random(), accountId, request.name(), orEmpty(request.summary()),
                orEmpty(request.description()), orEmpty(request.pronouns()), null, Persona.Chosen.DEFAULT);
        return sql.inTransaction(handle -> {
            int owned = handle.createQuery("SELECT COUNT(*) FROM personas WHERE account_id = :account")
                    .bind("account", accountId).mapTo(Integer.class).one();
            if (owned >= config.maxPerAccount()) {
                throw new ProtocolException(ErrorCode.TOO_MANY_PERSONAS,
                        "an account may have at most " + config.maxPerAccount() + " personas");
            }
            try {
                handle.createUpdate("""
                                INSERT INTO personas (id, account_id, name, name_key, name_skeleton, summary, description, pronouns, created_at)
                                VALUES (:id, :accountId, :name, :key, :skeleton, :summary, :description, :pronouns, :now)""")
                        .bindMethods(persona).bind("key", key(persona.name())).bind("skeleton", Names.skeleton(persona.name()))
                        .bind("now", clock.millis()).execute();
            } catch (UnableToExecuteStatementException e) {
                throw new ProtocolException(ErrorCode.NAME_TAKEN, "that name, or one that looks like it, is taken");
            }
            return persona;
        });
    }

    /** Changes what the request names and keeps the rest. */
    public Persona update(String accountId, ClientMessage.PersonaUpdate request) {
        Persona old = owned(accountId, request.persona());
        Persona updated = new Persona(old.id(), old.accountId(), old.name(),
                Objects.requireNonNullElse(request.summary(), old.summary()),
                Objects.requireNonNullElse(request.description(), old.description()),
                Objects.requireNonNullElse(request.pronouns(), old.pronouns()), old.avatar(), old.chosen());
        sql.useHandle(handle -> handle.createUpdate("""
                        UPDATE personas SET summary = :summary, description = :description, pronouns = :pronouns
                        WHERE id = :id""")
                .bindMethods(updated).execute());
        return changed(updated.id());
    }

    /** Deletes a persona; its memberships, messages and avatar go with it. */
    public void delete(String personaId) {
        sql.useTransaction(handle -> {
            String avatar = handle.createQuery("SELECT avatar FROM personas WHERE id = :id").bind("id", personaId)
                    .mapTo(String.class).findOne().orElse(null);
            handle.createUpdate("DELETE FROM personas WHERE id = :id").bind("id", personaId).execute();
            if (avatar != null) Avatars.forgetUnused(handle, avatar);
        });
        changed(personaId);
    }

    /**
     * The persona's row changed: every process drops its copy, and this one reads it again. Returns
     * it as stored now; null once it is deleted.
     */
    public Persona changed(String personaId) {
        byId.invalidate(personaId);
        delivery.publishElsewhere(new Event.Changed(CACHE, personaId));
        return byId(personaId).orElse(null);
    }

    /** The account's personas, oldest first. */
    public List<Persona> of(String accountId) {
        return sql.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM personas WHERE account_id = :account ORDER BY created_at, id")
                .bind("account", accountId).map(ROW).list());
    }

    /** A persona by display name, in any case. */
    public Persona named(String name) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM personas WHERE name_key = :key")
                        .bind("key", key(name)).map(ROW).findOne())
                .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no persona of that name"));
    }

    /** The persona whose display name is the text or looks like it (the same {@link Names#skeleton skeleton}), if any. */
    public Optional<Persona> lookingLike(String text) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM personas WHERE name_skeleton = :skeleton")
                .bind("skeleton", Names.skeleton(text)).map(ROW).findOne());
    }

    public Optional<Persona> byId(String personaId) {
        Persona cached = byId.getIfPresent(personaId);
        if (cached != null) return Optional.of(cached);
        Optional<Persona> stored = sql.withHandle(handle -> handle.createQuery("SELECT * FROM personas WHERE id = :id")
                .bind("id", personaId).map(ROW).findOne());
        stored.ifPresent(persona -> byId.put(persona.id(), persona));
        return stored;
    }

    /** The persona, if the account owns it: acting as someone else's persona is refused. */
    public Persona owned(String accountId, String personaId) {
        Persona persona = byId(personaId).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such persona"));
        if (!persona.accountId().equals(accountId)) {
            throw new ProtocolException(ErrorCode.NOT_YOUR_PERSONA, "that persona is not yours");
        }
        return persona;
    }

    /** How a display name is looked up: normalized as it is stored, in any case. */
    public static String key(String name) {
        return Names.normalized(name).toLowerCase(Locale.ROOT);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
