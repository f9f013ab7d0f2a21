package org.tryst.accounts;

/** A logged-in device of an account; its token is known only to the device, the server keeps a hash. */
public record Session(String id, String accountId, long createdAt, long lastSeenAt, long expiresAt, String userAgent) {}
