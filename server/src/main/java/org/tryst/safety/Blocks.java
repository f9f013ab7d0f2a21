package org.tryst.safety;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.tryst.cluster.Delivery;
import org.tryst.cluster.Event;
import org.tryst.cluster.Visibility;
import org.tryst.personas.Persona;
import org.tryst.personas.Personas;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.ErrorCode;
import org.tryst.protocol.ProtocolException;
import org.tryst.protocol.Views;
import org.tryst.storage.Sql;

/**
 * Blocks and mutes, which every capability asks before it lets one person reach another. They
 * belong to the protected account (all its personas); a block names a persona or the account
 * behind it, a mute one persona. Kept in the database and, for the checks on every fan-out, in
 * memory on every process: an account with no entry, given or received, costs one map lookup. A
 * change is published, and every process reads the account's list again before its next event.
 */
public final class Blocks implements Visibility {
    /** Most entries one account's list may hold. */
    public static final int MAX_ENTRIES = 1_000;
    private static final String BLOCK = "block";
    private static final String MUTE = "mute";
    private static final RowMapper<Entry> ROW = (rs, ctx) -> new Entry(rs.getString("blocker_id"), rs.getString("kind"),
            rs.getString("target_persona"), rs.getString("target_name"), rs.getString("target_account"),
            BlockScope.valueOf(rs.getString("scope")), rs.getLong("created_at"));

    /** One stored entry; {@code targetAccount} never leaves the server. */
    record Entry(String blocker, String kind, String targetPersona, String targetName, String targetAccount, BlockScope scope,
                 long at) {
        /** True when the entry is a block that covers the persona. */
        boolean blocks(Persona persona) {
            return kind.equals(BLOCK) && (targetPersona.equals(persona.id())
                    || scope == BlockScope.ACCOUNT && targetAccount.equals(persona.accountId()));
        }

        /** True when the entry is a block that covers the viewer: its account, or one of the personas it is using. */
        boolean blocks(Viewer viewer) {
            return kind.equals(BLOCK) && (viewer.personas().contains(targetPersona)
                    || scope == BlockScope.ACCOUNT && targetAccount.equals(viewer.account()));
        }

        Views.Block view() {
            return new Views.Block(new Views.Author(targetPersona, targetName), kind, kind.equals(BLOCK) ? scope : null, at);
        }
    }

    /**
     * Who is looking: an account and the personas it is acting as there. A persona block hides the
     * blocker from that persona only, an account block from every persona of the account.
     */
    public record Viewer(String account, Collection<String> personas) {}

    /** The name of the cache of blocks every process keeps. */
    private static final String CACHE = "blocks";

    private final Sql sql;
    private final Personas personas;
    private final Delivery delivery;
    private final Clock clock;
    /** Each account's entries; the lists are replaced, never changed. */
    private final Map<String, List<Entry>> byBlocker = new ConcurrentHashMap<>();
    /** For each account named by some entry, how many entries name it: the quick "nobody cares" answer. */
    private final Map<String, Integer> namedAccounts = new ConcurrentHashMap<>();

    public Blocks(Sql sql, Personas personas, Delivery delivery, Clock clock) {
        this.sql = sql;
        this.personas = personas;
        this.delivery = delivery;
        this.clock = clock;
        reload(null);
        delivery.cache(CACHE, this::reload);
    }

    /** Told of each block between two accounts that came or went while this process was not hearing the others. */
    public interface Reloaded {
        void regrouped(String blocker, String blocked, boolean nowBlocked);
    }

    private volatile Reloaded reloaded = (blocker, blocked, nowBlocked) -> { };

    /** Who is told, after the bus lost events, of the blocks made or lifted meanwhile (the channels, to regroup their members). */
    public void onReloaded(Reloaded listener) {
        reloaded = listener;
    }

    /**
     * Reads one account's list (all lists, for null, after the bus lost events) from the database
     * again: another process changed it. After a full reading, the blocks that came or went meanwhile
     * are told to {@link #onReloaded}'s listener, since the news of them was lost with the events.
     */
    private void reload(String account) {
        if (account != null) {
            synchronized (this) {
                store(account, stored(account));
            }
            return;
        }
        Set<List<String>> before;
        Set<List<String>> after;
        synchronized (this) {
            before = blockedPairs();
            byBlocker.clear();
            namedAccounts.clear();
            sql.withHandle(handle -> handle.createQuery("SELECT * FROM blocks").map(ROW).list()).forEach(entry -> {
                byBlocker.merge(entry.blocker(), List.of(entry), Blocks::concat);
                namedAccounts.merge(entry.targetAccount(), 1, Integer::sum);
            });
            after = blockedPairs();
        }
        after.stream().filter(pair -> !before.contains(pair)).forEach(pair -> reloaded.regrouped(pair.get(0), pair.get(1), true));
        before.stream().filter(pair -> !after.contains(pair)).forEach(pair -> reloaded.regrouped(pair.get(0), pair.get(1), false));
    }

    /** Each blocker account with each account it blocks a persona of (or all of), as this process has them. */
    private Set<List<String>> blockedPairs() {
        Set<List<String>> pairs = new java.util.HashSet<>();
        byBlocker.values().forEach(entries -> entries.stream().filter(entry -> entry.kind().equals(BLOCK))
                .forEach(entry -> pairs.add(List.of(entry.blocker(), entry.targetAccount()))));
        return pairs;
    }

    @Override
    public boolean hides(String viewerAccount, Collection<String> viewerPersonas, String personaId) {
        return hides(new Viewer(viewerAccount, viewerPersonas), personaId);
    }

    @Override
    public boolean silences(String viewerAccount, Collection<String> viewerPersonas, String personaId) {
        return silences(new Viewer(viewerAccount, viewerPersonas), personaId);
    }

    /** Blocks a persona or the account behind it, for all of the blocker's personas; blocking again changes the scope. */
    public List<Views.Block> block(String account, String target, BlockScope scope) {
        return put(account, BLOCK, target, scope == null ? BlockScope.PERSONA : scope);
    }

    /** Mutes a persona for all of the muter's personas. */
    public List<Views.Block> mute(String account, String target) {
        return put(account, MUTE, target, BlockScope.PERSONA);
    }

    /** Lifts the block that names the persona, or covers its account. */
    public List<Views.Block> unblock(String account, String target) {
        return remove(account, BLOCK, target);
    }

    public List<Views.Block> unmute(String account, String target) {
        return remove(account, MUTE, target);
    }

    /** The account's list, newest first. */
    public List<Views.Block> list(String account) {
        return stored(account).stream().sorted(Comparator.comparingLong(Entry::at).reversed()).map(Entry::view).toList();
    }

    /** The account's entries as the database has them: what the account asks for is never a process's copy, which may lag. */
    private List<Entry> stored(String account) {
        return sql.withHandle(handle -> handle.createQuery("SELECT * FROM blocks WHERE blocker_id = :blocker")
                .bind("blocker", account).map(ROW).list());
    }

    /** True when the account has blocked the persona (or its account). */
    public boolean blocks(String account, String personaId) {
        if (entries(account).isEmpty()) return false;
        return persona(personaId).map(persona -> entries(account).stream().anyMatch(entry -> entry.blocks(persona))).orElse(false);
    }

    /** True when the persona's account has blocked the viewer. */
    public boolean blockedBy(Viewer viewer, String personaId) {
        if (!namedAccounts.containsKey(viewer.account())) return false;
        return persona(personaId).map(persona -> entries(persona.accountId()).stream().anyMatch(entry -> entry.blocks(viewer)))
                .orElse(false);
    }

    /**
     * {@link #blockedBy} as the database has it now, for a request that looks a persona up: a block
     * made a moment ago on another process holds here before this process's copy has caught up.
     */
    @Override
    public boolean hiddenByNow(String viewerAccount, Collection<String> viewerPersonas, String personaId) {
        Viewer viewer = new Viewer(viewerAccount, viewerPersonas);
        return persona(personaId).map(persona -> stored(persona.accountId()).stream().anyMatch(entry -> entry.blocks(viewer)))
                .orElse(false);
    }

    /** True when the viewer and the persona must not see each other: a block either way. */
    public boolean hides(Viewer viewer, String personaId) {
        return blocks(viewer.account(), personaId) || blockedBy(viewer, personaId);
    }

    /** True when the persona's lines and invitations are not for the viewer: hidden, or muted by the viewer. */
    public boolean silences(Viewer viewer, String personaId) {
        return hides(viewer, personaId) || entries(viewer.account()).stream()
                .anyMatch(entry -> entry.kind().equals(MUTE) && entry.targetPersona().equals(personaId));
    }

    /**
     * True when either persona's account blocks the other persona: they must not meet in a scene.
     * Asked of the database, since it decides a request: a block made a moment ago on another
     * process holds here before this process's copy has caught up.
     */
    public boolean separated(String personaA, String personaB) {
        Optional<Persona> a = persona(personaA);
        Optional<Persona> b = persona(personaB);
        if (a.isEmpty() || b.isEmpty()) return false;
        return blocksNow(a.get().accountId(), personaB) || blocksNow(b.get().accountId(), personaA);
    }

    /**
     * The blocks and mutes that concern a viewer, as the database has them now, for a request's
     * answer (members, history, invitations): a block made a moment ago on another process holds
     * here before this process's copy has caught up. One query, whatever is asked of it after.
     */
    public Concerning concerning(Viewer viewer) {
        List<Entry> entries = sql.withHandle(handle -> handle.createQuery(
                        "SELECT * FROM blocks WHERE blocker_id = :account OR target_account = :account")
                .bind("account", viewer.account()).map(ROW).list());
        return new Concerning(viewer, entries);
    }

    /** The personas, and the accounts with all their personas, whose lines a viewer is not shown. */
    public record Silenced(Set<String> personas, Set<String> accounts) {}

    /** What a viewer may see of personas, by the entries that concern it. */
    public final class Concerning {
        private final Viewer viewer;
        private final List<Entry> entries;

        private Concerning(Viewer viewer, List<Entry> entries) {
            this.viewer = viewer;
            this.entries = entries;
        }

        /** True when a block either way stands between the viewer and the persona. */
        public boolean hides(String personaId) {
            if (entries.isEmpty()) return false;
            Optional<Persona> persona = persona(personaId);
            return persona.isPresent() && entries.stream().anyMatch(entry ->
                    entry.blocker().equals(viewer.account()) && entry.blocks(persona.get())
                            || entry.blocker().equals(persona.get().accountId()) && entry.blocks(viewer));
        }

        /** True when the persona's lines and invitations are not for the viewer: hidden, or muted by the viewer. */
        public boolean silences(String personaId) {
            return hides(personaId) || entries.stream().anyMatch(entry -> entry.blocker().equals(viewer.account())
                    && entry.kind().equals(MUTE) && entry.targetPersona().equals(personaId));
        }

        /**
         * Whose lines are not for the viewer, as {@link #silences} decides, for a query over many lines
         * to leave out: personas by id, and accounts all of whose personas are.
         */
        public Silenced silenced() {
            Set<String> personas = new java.util.HashSet<>();
            Set<String> accounts = new java.util.HashSet<>();
            for (Entry entry : entries) {
                if (entry.blocker().equals(viewer.account())) {
                    personas.add(entry.targetPersona());
                    if (entry.kind().equals(BLOCK) && entry.scope() == BlockScope.ACCOUNT) accounts.add(entry.targetAccount());
                } else if (entry.blocks(viewer)) {
                    accounts.add(entry.blocker());
                }
            }
            return new Silenced(Set.copyOf(personas), Set.copyOf(accounts));
        }

        /** True when the persona's account blocks the viewer. */
        public boolean blockedBy(String personaId) {
            Optional<Persona> persona = persona(personaId);
            return persona.isPresent() && entries.stream().anyMatch(entry ->
                    entry.blocker().equals(persona.get().accountId()) && entry.blocks(viewer));
        }
    }

    /** {@link #blocks} as the database has it now, for a request's decision. */
    public boolean blocksNow(String account, String personaId) {
        return persona(personaId).map(persona -> stored(account).stream().anyMatch(entry -> entry.blocks(persona))).orElse(false);
    }

    /** True when some entry, given or received, involves the account: only then is filtering needed. */
    public boolean involves(String account) {
        return byBlocker.containsKey(account) || namedAccounts.containsKey(account);
    }

    /** An account is being deleted: its list goes, and so do the entries that name it (the database cascades the same). */
    public synchronized void forget(String account) {
        store(account, List.of());
        byBlocker.keySet().forEach(blocker -> store(blocker, entries(blocker).stream()
                .filter(entry -> !entry.targetAccount().equals(account)).toList()));
        delivery.publishElsewhere(new Event.Changed(CACHE, null));
    }

    /** The account behind a persona, for callers that regroup who sees whom; never for the wire. */
    @Override
    public Optional<String> accountOf(String personaId) {
        return persona(personaId).map(Persona::accountId);
    }

    private List<Views.Block> put(String account, String kind, String targetId, BlockScope scope) {
        Persona target = persona(targetId).orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "no such persona"));
        if (target.accountId().equals(account)) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "that persona is yours: you cannot " + kind + " it");
        }
        Entry entry = new Entry(account, kind, target.id(), target.name(), target.accountId(), scope, clock.millis());
        synchronized (this) {
            boolean replacing = entries(account).stream().anyMatch(e -> e.kind().equals(kind) && e.targetPersona().equals(targetId));
            if (!replacing && entries(account).size() >= MAX_ENTRIES) {
                throw new ProtocolException(ErrorCode.INVALID_MESSAGE, "a block list holds at most " + MAX_ENTRIES + " entries");
            }
            sql.useTransaction(handle -> {
                delete(handle, account, kind, targetId);
                handle.createUpdate("""
                                INSERT INTO blocks (blocker_id, kind, target_persona, target_name, target_account, scope, created_at)
                                VALUES (:blocker, :kind, :targetPersona, :targetName, :targetAccount, :scope, :at)""")
                        .bind("blocker", account).bind("kind", kind).bind("targetPersona", target.id()).bind("targetName", target.name())
                        .bind("targetAccount", target.accountId()).bind("scope", scope.name()).bind("at", entry.at()).execute();
            });
            List<Entry> kept = new ArrayList<>(without(account, kind, targetId));
            kept.add(entry);
            store(account, kept);
        }
        delivery.publishElsewhere(new Event.Changed(CACHE, account));
        return list(account);
    }

    private List<Views.Block> remove(String account, String kind, String targetId) {
        Optional<String> targetAccount = persona(targetId).map(Persona::accountId);
        synchronized (this) {
            List<Entry> lifted = entries(account).stream().filter(entry -> entry.kind().equals(kind) && (entry.targetPersona().equals(targetId)
                    || entry.scope() == BlockScope.ACCOUNT && targetAccount.filter(entry.targetAccount()::equals).isPresent())).toList();
            if (lifted.isEmpty()) throw new ProtocolException(ErrorCode.NOT_FOUND, "that persona is not on your list as a " + kind);
            sql.useTransaction(handle -> lifted.forEach(entry -> delete(handle, account, kind, entry.targetPersona())));
            List<Entry> kept = new ArrayList<>(entries(account));
            kept.removeAll(lifted);
            store(account, kept);
        }
        delivery.publishElsewhere(new Event.Changed(CACHE, account));
        return list(account);
    }

    private static void delete(Handle handle, String account, String kind, String targetPersona) {
        handle.createUpdate("DELETE FROM blocks WHERE blocker_id = :blocker AND kind = :kind AND target_persona = :target")
                .bind("blocker", account).bind("kind", kind).bind("target", targetPersona).execute();
    }

    /** Replaces the account's entries and recounts the accounts they name. */
    private void store(String account, List<Entry> kept) {
        entries(account).forEach(old -> namedAccounts.computeIfPresent(old.targetAccount(), (key, n) -> n == 1 ? null : n - 1));
        kept.forEach(entry -> namedAccounts.merge(entry.targetAccount(), 1, Integer::sum));
        if (kept.isEmpty()) byBlocker.remove(account);
        else byBlocker.put(account, List.copyOf(kept));
    }

    private List<Entry> without(String account, String kind, String targetId) {
        return entries(account).stream().filter(e -> !(e.kind().equals(kind) && e.targetPersona().equals(targetId))).toList();
    }

    private List<Entry> entries(String account) {
        return byBlocker.getOrDefault(account, List.of());
    }

    private Optional<Persona> persona(String personaId) {
        return personas.byId(personaId);
    }

    private static List<Entry> concat(List<Entry> a, List<Entry> b) {
        List<Entry> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
