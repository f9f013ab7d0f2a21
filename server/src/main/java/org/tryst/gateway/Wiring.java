package org.tryst.gateway;

import java.util.concurrent.Executor;
import org.tryst.accounts.Accounts;
import org.tryst.accounts.Sessions;
import org.tryst.metrics.Metrics;
import org.tryst.moderation.Enforcement;
import org.tryst.personas.Personas;
import org.tryst.protocol.Views;
import org.tryst.channels.Channels;
import org.tryst.safety.ActionLimits;
import org.tryst.scenes.Scenes;

/** What the gateway hands to each socket: the capabilities, the limits, and the executor for blocking work. */
public record Wiring(Accounts accounts, Sessions sessions, Personas personas, Channels channels, Scenes scenes, Dispatcher dispatcher,
                     Connections connections, ActionLimits limits, Metrics metrics, Executor executor,
                     Views.Limits advertised, int maxPendingRequests, Enforcement enforcement) {}
