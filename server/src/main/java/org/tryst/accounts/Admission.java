package org.tryst.accounts;

/** Something that may keep an account out for now: a moderator's suspension or ban, or the person's own limits. */
public interface Admission {
    /** Throws a {@code ProtocolException} saying why and until when, while the account may not log in or connect. */
    void requireAdmitted(String accountId);
}
