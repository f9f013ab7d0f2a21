package org.tryst.web;

import static org.tryst.testkit.Browser.Element.label;
import static org.tryst.testkit.Browser.Element.role;
import static org.tryst.testkit.Browser.Element.text;

import java.nio.file.Path;
import org.tryst.TestServer;
import org.tryst.testkit.Browser;

/** What a person does in the web client, step by step, for end-to-end tests. */
public final class InBrowser {
    /** Where browser tests leave their screenshots of the main screens. */
    public static final Path SHOTS = Path.of("target", "screenshots");

    private InBrowser() {}

    /** Registers (confirming to be an adult) and creates a first persona. */
    public static void registerWithPersona(Browser.Page page, String username, String persona) {
        page.click(role("button", "No account yet? Create one"));
        page.fill(label("Username"), username);
        page.fill(label("Password"), TestServer.PASSWORD);
        page.check(label("I am 18 or older"));
        page.click(role("button", "Create account"));
        keepRecoveryCodes(page);
        page.sees(text("You have no persona yet."));
        page.fill(label("Name"), persona);
        page.click(role("button", "Create persona"));
        page.sees(text("You created " + persona + "."));
    }

    /** The recovery codes shown once after registration, kept (as the person says). */
    public static void keepRecoveryCodes(Browser.Page page) {
        page.sees(role("heading", "Your recovery codes"));
        page.click(role("button", "I have kept them"));
    }

    /**
     * Registers with a new persona, both named uniquely after the given bases, joins the channel
     * (creating it when needed), and returns the persona's name.
     */
    public static String newcomer(Browser.Page page, String userBase, String personaBase, String channel) {
        String persona = TestServer.uniqueName(personaBase);
        registerWithPersona(page, TestServer.uniqueName(userBase), persona);
        joinChannel(page, channel);
        return persona;
    }

    /** Logs in to an existing account with the tests' password. */
    public static void logIn(Browser.Page page, String username) {
        page.fill(label("Username"), username);
        page.fill(label("Password"), TestServer.PASSWORD);
        page.click(role("button", "Log in"));
    }

    /** On a persona's profile, sends the invitation as chosen there and sees it sent. */
    public static void invite(Browser.Page page, String invitee) {
        page.click(role("button", "Invite " + invitee + " into a private scene"));
        page.sees(text("You invited " + invitee));
    }

    /**
     * Opens a conversation or a place from the list (a channel, a scene, Invitations, Account…),
     * going back to the list first on a phone, where a view takes the whole screen.
     */
    public static void openFromList(Browser.Page page, String name) {
        if (page.count(role("button", "Conversations")) > 0) page.click(role("button", "Conversations"));
        page.click(role("button", name).within(role("navigation", "Conversations")));
    }

    public static void joinChannel(Browser.Page page, String channel) {
        if (page.count(label("Join or open a channel")) == 0) openFromList(page, "Channels and personas");
        page.fill(label("Join or open a channel"), channel);
        page.click(role("button", "Join"));
        page.sees(role("heading", "#" + channel));
    }

    public static void say(Browser.Page page, String line) {
        page.fill(label("Message to"), line);
        page.press(label("Message to"), "Enter");
    }

    public static void sayInScene(Browser.Page page, String line) {
        page.fill(label("Message to this scene"), line);
        page.press(label("Message to this scene"), "Enter");
    }

    /** Accepts the one waiting invitation and opens the scene it leads to. */
    public static void acceptAndOpen(Browser.Page page, String inviterName) {
        openFromList(page, "Invitations 1");
        page.click(role("button", "Accept"));
        openFromList(page, "Private scene with " + inviterName);
    }
}
