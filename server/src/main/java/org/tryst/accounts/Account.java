package org.tryst.accounts;

/** A login: never shown to other users, who see only its personas. */
public record Account(String id, String username, String passwordHash, Role role, long adultAttestedAt,
                      String adultAttestation, long createdAt) {

    /** What an account may do beyond the ordinary. */
    public enum Role {
        MEMBER,
        /** Builds in the text world: digs rooms, opens exits, makes things, within the server's quotas. */
        BUILDER,
        MODERATOR,
        OPERATOR;

        /** Moderators and operators review reports and act on them. */
        public boolean moderates() {
            return this == MODERATOR || this == OPERATOR;
        }

        /** Builders, moderators and operators build in the text world. */
        public boolean builds() {
            return this != MEMBER;
        }
    }
}
