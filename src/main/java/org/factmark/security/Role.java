package org.factmark.security;

/** What a user may do. Reviewers annotate, editors decide on claims, admins run the installation. */
public enum Role {
    REVIEWER, EDITOR, ADMIN;

    /** The Spring Security authority name, as used by {@code hasRole(...)} and {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
