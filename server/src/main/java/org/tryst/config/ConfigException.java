package org.tryst.config;

/** A configuration that cannot be used; the message names the option and says what is wrong. */
public final class ConfigException extends RuntimeException {
    private final String option;

    public ConfigException(String message) {
        this(message, (Throwable) null);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.option = null;
    }

    private ConfigException(String option, String message) {
        super(message);
        this.option = option;
    }

    /** A bad value of one option ({@code "scenes.max_members"}), so that the loader can add where it was set. */
    static ConfigException of(String option, String problem) {
        return new ConfigException(option, option + " " + problem);
    }

    /** The option at fault, or null when the problem is not one option's value. */
    String option() {
        return option;
    }

    /** The same problem, saying where the bad value was set. */
    ConfigException setBy(String origin) {
        return new ConfigException(option, getMessage() + " (set by " + origin + ")");
    }
}
