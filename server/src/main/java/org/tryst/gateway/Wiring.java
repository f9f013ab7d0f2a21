package org.tryst.gateway;

import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.tryst.accounts.Accounts;
import org.tryst.accounts.DataExport;
import org.tryst.accounts.Sessions;
import org.tryst.age.AgeAssurance;
import org.tryst.cluster.Delivery;
import org.tryst.metrics.Metrics;
import org.tryst.moderation.Enforcement;
import org.tryst.personas.Avatars;
import org.tryst.personas.Personas;
import org.tryst.protocol.Views;
import org.tryst.requests.Dispatcher;
import org.tryst.safety.ActionLimits;

/** What the gateway hands to each socket: the capabilities, the limits, and the executor for blocking work. */
public record Wiring(Accounts accounts, Sessions sessions, Personas personas, Dispatcher dispatcher,
                     Delivery delivery, ActionLimits limits, Metrics metrics, Executor executor,
                     Views.Limits advertised, int maxPendingRequests, Enforcement enforcement, Avatars avatars,
                     Predicate<String> sharesTyping, DataExport export, AgeAssurance age) {}
