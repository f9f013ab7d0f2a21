package org.tryst.client.chat;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tryst.protocol.Answer;
import org.tryst.protocol.BlockScope;
import org.tryst.protocol.Dice;
import org.tryst.protocol.MessageKind;
import org.tryst.protocol.Views;

/** Carries out what the person types, through a {@link Backend}, and shows the outcome on a {@link Screen}. */
public final class Shell {
    private static final int HISTORY_SHOWN = 20;
    /** The dice of rolls in a scene, which the server cannot see to roll. */
    private static final java.security.SecureRandom DICE = new java.security.SecureRandom();

    private final Backend backend;
    private final Screen screen;
    private final Session session;
    private final Incoming incoming;
    private final Clock clock;
    private final Transcripts transcripts;
    private final Limits limits;
    private final Boards boards;
    private final Statuses statuses;
    private final Typing typing;

    Shell(Backend backend, Screen screen, Session session, Incoming incoming, Typing typing, Statuses statuses, Clock clock) {
        this.backend = backend;
        this.screen = screen;
        this.session = session;
        this.incoming = incoming;
        this.clock = clock;
        this.transcripts = new Transcripts(backend, screen, session);
        this.limits = new Limits(backend, screen, session, clock);
        this.boards = new Boards(backend, screen, session, clock, this::catalogue);
        this.statuses = statuses;
        this.typing = typing;
    }

    /** A shell and the handler of what arrives meanwhile, sharing one session. */
    public static Shell create(Backend backend, Screen screen, Clock clock) {
        Session session = new Session();
        Typing typing = new Typing(backend, session, clock);
        Statuses statuses = new Statuses(backend, screen, session, clock);
        return new Shell(backend, screen, session, new Incoming(backend, screen, session, clock, typing, statuses), typing, statuses,
                clock);
    }

    public Incoming incoming() {
        return incoming;
    }

    /** Loads the account's personas, scenes and invitations, and speaks as its first persona. */
    public void start() {
        guarded(() -> {
            session.mine = backend.personas();
            session.scenes = backend.scenes();
            session.received = backend.invitations().received();
            session.shareTyping = backend.sharesTyping();
            if (session.mine.isEmpty()) screen.show("You have no persona yet: create one with /persona new NAME.");
            else use(session.mine.getFirst());
            int invitations = session.received.size();
            if (invitations == 1) screen.show("You have an invitation: /invitations shows it.");
            if (invitations > 1) screen.show("You have " + invitations + " invitations: /invitations shows them.");
            screen.show("/help lists the commands.");
        });
    }

    public String prompt() {
        synchronized (session) {
            return session.persona == null ? Format.prompt(null, "")
                    : Format.prompt(session.persona.name(), Statuses.chosen(session.persona), session.where());
        }
    }

    /** Who else is typing where the person is, for the status area: {@code Sage is typing…}, or empty. */
    public String whoIsTyping() {
        synchronized (session) {
            return typing.shown();
        }
    }

    /**
     * The line being typed changed. Says so where the person is, when it is text to say; this may
     * wait on the server, so a terminal calls it off its reading thread.
     */
    public void edited(String line) {
        typing.edited(line);
    }

    /** The line being typed was sent, or dropped: the person no longer types it. */
    public void sent() {
        typing.sent();
    }

    /** Time passes: says that the person stopped typing once the line was left alone long enough. */
    public void tick() {
        typing.tick();
    }

    /** Carries out a command; what goes wrong is shown as a line. */
    public void run(Command command) {
        guarded(() -> dispatch(command));
    }

    private void guarded(Runnable work) {
        synchronized (session) {
            try {
                work.run();
            } catch (Refused refused) {
                screen.show(refused.getMessage());
            } catch (RuntimeException failure) {
                screen.show(Errors.explain(failure));
            }
        }
    }

    private void dispatch(Command command) {
        switch (command) {
            case Command.Help _ -> Commands.help().forEach(screen::show);
            case Command.ListPersonas _ -> listPersonas();
            case Command.NewPersona(String name) -> newPersona(name);
            case Command.Use(String name) -> use(name);
            case Command.ListChannels _ -> listChannels();
            case Command.Join(String channel) -> join(channel);
            case Command.Leave _ -> leave();
            case Command.Safeword(int hours) -> safeword(hours);
            case Command.Transcript(String choice) -> transcripts.choose(scene(), memberOf(scene()), choice);
            case Command.Export(String file) -> transcripts.export(scene(), memberOf(scene()), file);
            case Command.MyData(String file) -> saveMyData(file);
            case Command.Who _ -> who();
            case Command.Say(String text) -> speak(MessageKind.SAY, text);
            case Command.Pose(String text) -> speak(MessageKind.POSE, text);
            case Command.Roll(String dice) -> roll(dice);
            case Command.Invite invite -> invite(invite);
            case Command.ShowBoundaries(String name) -> showBoundaries(name);
            case Command.SetBoundary(String topic, Answer answer) -> changeBoundaries(topic, answer, null);
            case Command.SetBoundaryNotes(String notes) -> changeBoundaries(null, null, notes);
            case Command.ListInvitations _ -> listInvitations();
            case Command.Accept(int number) -> accept(number);
            case Command.Decline(int number) -> decline(number);
            case Command.ListScenes _ -> listScenes();
            case Command.GoToScene(int number) -> goToScene(number);
            case Command.SetTimer(Disappearing timer) -> setTimer(timer);
            case Command.Call(String choice) -> call(choice);
            case Command.Safety(String name) -> safety(name);
            case Command.Block(String name, BlockScope scope) -> block(name, scope);
            case Command.Unblock(String name) -> lift(name, "block");
            case Command.Mute(String name) -> mute(name);
            case Command.Unmute(String name) -> lift(name, "mute");
            case Command.ListBlocked _ -> listBlocked(backend.blocks());
            case Command.Report(int number, String reason) -> report(number, reason);
            case Command.MyReports _ -> backend.myReports().forEach(report -> screen.show(Format.report(report)));
            case Command.Queue _ -> queue();
            case Command.Moderate(int number, String action, Integer hours) -> moderate(number, action, hours);
            case Command.ShowLimits _ -> limits.show();
            case Command.SetBudget(Integer minutes) -> limits.change(current -> Limits.budget(current, minutes));
            case Command.SetQuiet(String from, String until) -> limits.change(current -> Limits.quiet(current, from, until));
            case Command.SetBreaks(Integer minutes) -> limits.change(current -> Limits.breaks(current, minutes));
            case Command.Exclude(String period, boolean confirmed) -> limits.exclude(period, confirmed);
            case Command.ListBoard _ -> boards.list(speaker());
            case Command.BoardInvite(int number, String note) -> invite(boards.invitation(number, note));
            case Command.BoardReport(int number, String reason) -> boards.report(speaker(), number, reason);
            case Command.ShowAd _ -> boards.show(speaker());
            case Command.PostAd ad -> boards.post(speaker(), ad);
            case Command.BumpAd _ -> boards.bump(speaker());
            case Command.RemoveAd _ -> boards.remove(speaker());
            case Command.ShowStatus _ -> statuses.show(speaker());
            case Command.SetStatus status -> statuses.set(speaker(), status);
            case Command.ListLooking _ -> statuses.list();
            case Command.LookingInvite(int number, String note) -> invite(statuses.invitation(number, note));
            case Command.ShareTyping(Boolean share) -> shareTyping(share);
            case Command.Quit _ -> screen.show("Goodbye.");
            case Command.Invalid(String problem) -> screen.show(problem);
        }
    }

    private void saveMyData(String file) {
        PrivateFiles.create(PrivateFiles.fresh(file), backend.myData());
        screen.show("Saved all the data this server keeps of your account to " + file + ": a zip of JSON files, README.txt says what each is."
                + " Scenes are not in it: their text is only on your devices.");
    }

    private void listPersonas() {
        session.mine = backend.personas();
        if (session.mine.isEmpty()) screen.show("You have no persona yet: /persona new NAME creates one.");
        session.mine.forEach(persona -> screen.show(Format.persona(persona, persona.equals(session.persona))));
    }

    private void newPersona(String name) {
        Views.Persona created = backend.createPersona(name);
        session.mine = backend.personas();
        screen.show("You created " + created.name() + ".");
        if (session.persona == null) use(created);
        else screen.show("/as " + created.name() + " to speak as " + created.name() + ".");
    }

    private void use(String name) {
        Optional<Views.Persona> found = named(name);
        if (found.isEmpty()) {
            session.mine = backend.personas();
            found = named(name);
        }
        use(found.orElseThrow(() -> new Refused("You have no persona named " + name + "; /personas lists yours.")));
    }

    private Optional<Views.Persona> named(String name) {
        return session.mine.stream().filter(persona -> persona.name().equalsIgnoreCase(name)).findFirst();
    }

    private void use(Views.Persona persona) {
        List<Views.Joined> channels = backend.use(persona.id());
        // Asking again for the persona one already speaks as only says what waits: the person stays where they are.
        if (session.persona == null || !session.persona.id().equals(persona.id())) session.place = new Place.Nowhere();
        session.persona = persona;
        screen.show("You speak as " + persona.name() + ".");
        if (!channels.isEmpty()) {
            screen.show(persona.name() + " is in " + String.join(", ", channels.stream().map(Format::channel).toList())
                    + ": /join CHANNEL to go there.");
        }
    }

    private void listChannels() {
        List<Views.Channel> channels = backend.channels();
        if (channels.isEmpty()) screen.show("There are no channels yet: /join NAME creates one.");
        channels.forEach(channel -> screen.show(Format.channel(channel)));
    }

    private void join(String channel) {
        String persona = speaker().id();
        try {
            enter(backend.joinChannel(persona, channel));
        } catch (RuntimeException failure) {
            switch (Errors.code(failure)) {
                case "already_member" -> enter(new Views.Joined(channel, null, persona, List.of(), backend.channelHistory(persona, channel)));
                case "not_found" -> {
                    Views.Joined created = backend.createChannel(persona, channel);
                    screen.show(Format.channel(channel) + " did not exist: you created it, and you own it.");
                    enter(created);
                }
                default -> throw failure;
            }
        }
    }

    private void enter(Views.Joined joined) {
        session.place = new Place.Channel(joined.channel());
        statuses.members(joined.members());
        List<Views.Message> history = joined.history();
        history.subList(Math.max(0, history.size() - HISTORY_SHOWN), history.size())
                .forEach(message -> screen.show(Format.message(message, clock.getZone())));
        if (!history.isEmpty()) markRead(joined, history.getLast());
        boolean topic = joined.topic() != null && !joined.topic().isBlank();
        screen.show("You are in " + Format.channel(joined.channel()) + (topic ? ". Topic: " + joined.topic() : "."));
    }

    /** The lines just shown are read, on the persona's other devices too; a mark that fails is no reason to stop the person. */
    private void markRead(Views.Joined joined, Views.Message newest) {
        try {
            backend.markRead(joined.persona(), joined.channel(), newest.id());
        } catch (RuntimeException ignored) {
            // The next time the person enters the channel marks it again.
        }
    }

    private void leave() {
        switch (session.place) {
            case Place.Nowhere _ -> screen.show("You are not in a channel or a scene.");
            case Place.Channel(String name) -> {
                backend.leaveChannel(speaker().id(), name);
                session.place = new Place.Nowhere();
                screen.show("You left " + Format.channel(name) + ".");
            }
            case Place.Scene(String id) -> {
                String name = session.sceneName(id);
                backend.leaveScene(id, speaker().id());
                session.forget(id);
                screen.show("You left the " + name + "; this device has forgotten its keys and messages.");
            }
        }
    }

    private void safeword(int hours) {
        if (!(session.place instanceof Place.Scene(String id))) {
            screen.show("The safeword ends a scene: go to one first (/scenes, /scene N).");
            return;
        }
        String name = session.sceneName(id);
        backend.safeword(id, speaker().id(), hours);
        session.end(id);
        screen.wipe("You used the safeword: the " + name + " is over for everyone and gone from this screen"
                + (hours > 0 ? "; they may not invite you again for " + hours + " h." : "."));
        if (session.heardIn(id)) screen.show(Format.REPORT_AFTER_SAFEWORD);
    }

    private void who() {
        switch (session.place) {
            case Place.Nowhere _ -> screen.show("You are not in a channel or a scene.");
            case Place.Channel(String name) -> {
                List<Views.Member> members = backend.members(name);
                statuses.members(members);
                members.forEach(member -> screen.show(Format.member(member)));
            }
            case Place.Scene(String id) -> session.scene(id).ifPresent(statuses::sceneMembers);
        }
    }

    private void speak(MessageKind kind, String text) {
        Views.Persona persona = speaker();
        switch (session.place) {
            case Place.Nowhere _ -> screen.show("You are not in a channel or a scene: /join CHANNEL, or /scenes and /scene N.");
            case Place.Channel(String name) -> backend.sayInChannel(persona.id(), name, kind, text); // shown when the server relays it
            case Place.Scene(String id) when kind == MessageKind.SAY && isSafeword(id, text) -> safeword(24);
            case Place.Scene(String id) -> {
                backend.sayInScene(id, kind, text);
                screen.show(Format.message(clock.millis(), persona.name(), kind, text, clock.getZone()));
            }
        }
    }

    /**
     * In a channel the server rolls; a scene's messages are end-to-end encrypted, so there the dice
     * are rolled here and the line says so.
     */
    private void roll(String dice) {
        if (session.place instanceof Place.Scene) {
            speak(MessageKind.POSE, "rolls " + Dice.parse(dice).roll(DICE).text() + " (on their own device)");
        } else {
            speak(MessageKind.ROLL, dice);
        }
    }

    private void shareTyping(Boolean share) {
        if (share != null) {
            backend.shareTyping(share);
            session.shareTyping = share;
            if (!share) typing.forgetOthers();
        }
        screen.show(session.shareTyping ? "Typing is shared: others here see when you type, and you see when they do. /typing off stops it."
                : "Typing is not shared: nobody sees when you type, and you do not see others type. /typing on shares it.");
    }

    private void block(String name, BlockScope scope) {
        Views.Persona target = other(name);
        backend.block(target.id(), scope);
        screen.show(scope == BlockScope.ACCOUNT
                ? "You blocked everyone behind " + target.name() + ": they cannot see you, reach you or invite you. They are not told."
                : "You blocked " + target.name() + ": they cannot see you, reach you or invite you. They are not told.");
        screen.show("Scenes you already share are not changed: /leave or /safeword there.");
    }

    private void mute(String name) {
        Views.Persona target = other(name);
        backend.mute(target.id());
        screen.show("You muted " + target.name() + ": you will not see their lines or invitations. They are not told.");
    }

    /** Lifts a block or mute by the name on the list, which works even for someone who blocked you too. */
    private void lift(String name, String kind) {
        Views.Block entry = backend.blocks().stream()
                .filter(block -> block.kind().equals(kind) && block.persona().name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new Refused("You have no " + kind + " on " + name + "; /blocked lists them."));
        boolean block = kind.equals("block");
        if (block) backend.unblock(entry.persona().id());
        else backend.unmute(entry.persona().id());
        screen.show((block ? "You unblocked " : "You unmuted ") + entry.persona().name() + ".");
    }

    private void listBlocked(List<Views.Block> blocks) {
        if (blocks.isEmpty()) screen.show("You have blocked or muted nobody.");
        blocks.forEach(block -> screen.show(Format.block(block, clock.getZone())));
    }

    private Views.Persona other(String name) {
        Views.Persona target = backend.findPersona(name);
        if (session.mine.stream().anyMatch(persona -> persona.id().equals(target.id()))) throw new Refused("That is one of your personas.");
        return target;
    }

    /** The scene's safeword word, typed alone on a line, is the safeword: it is never sent as a message. */
    private boolean isSafeword(String sceneId, String text) {
        return session.scene(sceneId).map(Views.Scene::agreement).filter(agreement -> agreement.isSafeword(text)).isPresent();
    }

    private void showBoundaries(String name) {
        Views.Boundaries mine = backend.boundaries(speaker().id());
        List<Views.Topic> catalogue = catalogue();
        if (name == null) {
            ConsentFormat.own(mine, catalogue).forEach(screen::show);
            return;
        }
        Views.Boundaries theirs = backend.boundaries(backend.findPersona(name).id());
        ConsentFormat.sideBySide(mine, theirs, catalogue).forEach(screen::show);
    }

    /** Changes one answer or the notes and keeps the rest: the server takes the whole list. */
    private void changeBoundaries(String topic, Answer answer, String notes) {
        Views.Persona persona = speaker();
        Views.Boundaries current = backend.boundaries(persona.id());
        Map<String, Answer> answers = new HashMap<>(current.answers());
        if (topic != null && catalogue().stream().noneMatch(known -> known.id().equals(topic))) {
            throw new Refused("There is no topic " + topic + "; /boundaries lists them.");
        }
        if (topic != null && answer == null) answers.remove(topic);
        else if (topic != null) answers.put(topic, answer);
        backend.setBoundaries(persona.id(), answers, notes == null ? current.notes() : notes);
        screen.show(topic == null ? "Your notes are saved." : "Saved: " + topic + " " + (answer == null ? "cleared" : answer.name().toLowerCase(Locale.ROOT)) + ".");
    }

    private List<Views.Topic> catalogue() {
        if (session.catalogue.isEmpty()) session.catalogue = backend.catalogue().topics();
        return session.catalogue;
    }

    private void invite(Command.Invite command) {
        Views.Persona persona = speaker();
        Views.Persona invitee = backend.findPersona(command.name());
        String note = command.note();
        List<String> topics = command.topics();
        String word = command.safeword();
        if (invitee.id().equals(persona.id())) throw new Refused("That is you.");
        if (session.place instanceof Place.Scene(String id)) {
            backend.invite(id, persona.id(), invitee.id(), note, topics, word);
            screen.show("You invited " + invitee.name() + " into this scene. You will see when they join.");
            return;
        }
        Views.Scene scene = backend.createScene(persona.id());
        try {
            backend.invite(scene.id(), persona.id(), invitee.id(), note, topics, word);
        } catch (RuntimeException failure) {
            backend.leaveScene(scene.id(), persona.id()); // an empty scene nobody was invited to is of no use
            throw failure;
        }
        session.update(scene);
        session.place = new Place.Scene(scene.id());
        screen.show("You opened a private scene and invited " + invitee.name() + ". You will see when they join;");
        screen.show("what you say here is end-to-end encrypted, and " + Format.timer(scene.timerSeconds()) + ".");
    }

    private void listInvitations() {
        var invitations = backend.invitations();
        session.received = invitations.received();
        screen.show(session.received.isEmpty() ? "Nobody has invited you." : "Invitations to you:");
        for (int i = 0; i < session.received.size(); i++) {
            screen.show(Format.received(i + 1, session.received.get(i)));
            ConsentFormat.proposal(session.received.get(i), catalogue()).forEach(screen::show);
        }
        if (!invitations.sent().isEmpty()) screen.show("Invitations you sent:");
        invitations.sent().forEach(invitation -> screen.show(Format.sent(invitation)));
    }

    private void accept(int number) {
        Views.Invitation invitation = invitation(number);
        backend.accept(invitation);
        session.forgetInvitation(invitation.id());
        session.awaitedScene = invitation.scene();
        screen.show("You accepted, and agreed to what it proposes:");
        ConsentFormat.proposal(invitation, catalogue()).forEach(screen::show);
        screen.show("You join the scene as soon as " + invitation.from().name() + "'s device adds you.");
    }

    private void decline(int number) {
        Views.Invitation invitation = invitation(number);
        backend.decline(invitation.id());
        session.forgetInvitation(invitation.id());
        screen.show("You declined. " + invitation.from().name() + " is not told.");
    }

    private Views.Invitation invitation(int number) {
        if (number > session.received.size()) throw new Refused("There is no invitation " + number + "; /invitations lists them.");
        return session.received.get(number - 1);
    }

    private void listScenes() {
        session.scenes = backend.scenes();
        if (session.scenes.isEmpty()) screen.show("You are in no scene: /invite NAME opens one.");
        for (int i = 0; i < session.scenes.size(); i++) {
            Views.Scene scene = session.scenes.get(i);
            screen.show(Format.scene(i + 1, scene, session.mineIds(), session.isHere(scene.id())));
        }
    }

    private void goToScene(int number) {
        if (number > session.scenes.size()) session.scenes = backend.scenes();
        if (number > session.scenes.size()) throw new Refused("There is no scene " + number + "; /scenes lists them.");
        incoming.goTo(session.scenes.get(number - 1));
    }

    private void setTimer(Disappearing timer) {
        backend.timer(scene(), speaker().id(), timer.seconds());
        screen.show("You chose " + timer.label() + ". A shorter timer applies at once; a longer one, or off, once everyone here chooses it.");
    }

    private void call(String choice) {
        String sceneId = scene();
        if (choice.isEmpty()) {
            screen.show(session.calls.state(sceneId, persona -> session.memberName(sceneId, persona)));
            return;
        }
        String json = session.calls.answer(sceneId, memberOf(sceneId).id(), choice.equals("yes"))
                .orElseThrow(() -> new Refused("There is no call to answer in this scene; one proposed in the web client shows here."));
        backend.signal(sceneId, json);
        screen.show(choice.equals("yes") ? "You said yes. Your partners see you in the call; video shows only in the web client."
                : "You said no; nothing of the call reaches this persona.");
    }

    private void safety(String name) {
        String sceneId = scene();
        Views.Author partner = session.scene(sceneId).stream().flatMap(scene -> scene.members().stream())
                .filter(member -> member.name().equalsIgnoreCase(name) && !member.id().equals(speaker().id())).findFirst()
                .orElseThrow(() -> new Refused("Nobody named " + name + " is in this scene; /who lists who is."));
        Format.safety(partner.name(), backend.safetyNumber(sceneId, partner.id())).forEach(screen::show);
    }

    /** Reports a line heard lately: a scene line with its franking, a channel line by its id. */
    private void report(int number, String reason) {
        if (number > session.heard.size()) throw new Refused("There is no line " + number + " among those heard lately; 1 is the newest.");
        Session.Heard line = session.heard.get(number - 1);
        Views.Report filed = line.scene() != null ? backend.reportScene(line.message(), reason)
                : backend.reportChannel(speaker().id(), line.channel(), line.message(), reason);
        screen.show("You reported: " + line.line());
        screen.show(Format.report(filed));
    }

    private void queue() {
        session.queue = backend.reportQueue();
        if (session.queue.isEmpty()) screen.show("No reports are waiting.");
        for (int i = 0; i < session.queue.size(); i++) screen.show(Format.queued(i + 1, session.queue.get(i)));
    }

    /** A moderator's decision on a report of the last queue; {@code ban-persona} bans the reported persona alone. */
    private void moderate(int number, String action, Integer hours) {
        if (number > session.queue.size()) throw new Refused("There is no report " + number + "; /queue lists them.");
        Views.Report report = session.queue.get(number - 1);
        boolean persona = action.equals("ban-persona");
        String target = action.equals("dismiss") ? null : report.reported() == null ? null : report.reported().id();
        if (target == null && !action.equals("dismiss")) throw new Refused("That report names nobody to act on; /moderate N dismiss closes it.");
        backend.moderate(persona ? "ban" : action, target, persona ? "persona" : null, hours, report.id());
        screen.show("Done: " + action + (hours == null ? "" : " for " + hours + " h") + " on report " + number + ". It is in the audit log.");
    }

    private Views.Persona speaker() {
        if (session.persona == null) throw new Refused("Create a persona first: /persona new NAME.");
        return session.persona;
    }

    /** This account's persona in the scene, or the one that speaks. */
    private Views.Persona memberOf(String sceneId) {
        return session.scene(sceneId).flatMap(session::mineIn).orElseGet(this::speaker);
    }

    private String scene() {
        if (session.place instanceof Place.Scene(String id)) return id;
        throw new Refused("Go to a scene first: /scenes lists them, /scene N goes there.");
    }

    /** A command that cannot be carried out as things stand; its message says what to do instead. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
