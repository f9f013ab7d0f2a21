package org.tryst;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Every log line the server writes at any level, from {@link #start} until {@link #stop}, as an
 * operator would read it. Registered as an extension, it captures for each test, or for the whole
 * class when the field is static.
 */
public final class CapturedLogs implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private boolean wholeClass;

    /** Starts capturing, with the root logger at DEBUG so that nothing escapes by its level. */
    public static CapturedLogs start() {
        CapturedLogs logs = new CapturedLogs();
        logs.capture();
        return logs;
    }

    private void capture() {
        appender.start();
        root().setLevel(Level.DEBUG);
        root().addAppender(appender);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        wholeClass = true;
        capture();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!wholeClass) capture();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!wholeClass) stop();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public void stop() {
        root().detachAppender(appender);
        root().setLevel(Level.INFO);
    }

    /** The lines so far: message, key-value pairs and any stack trace. */
    public List<String> lines() {
        return events().stream().map(CapturedLogs::render).toList();
    }

    /** The lines so far at WARN or ERROR: what an operator is asked to act on. */
    public List<String> warnings() {
        return events().stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).map(CapturedLogs::render).toList();
    }

    /** A copy of what was captured: server threads keep logging while a test reads, and the appender appends under its own lock. */
    private List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    private static String render(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getFormattedMessage());
        if (event.getKeyValuePairs() != null) event.getKeyValuePairs().forEach(pair -> line.append(' ').append(pair));
        if (event.getThrowableProxy() != null) line.append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        return line.toString();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
