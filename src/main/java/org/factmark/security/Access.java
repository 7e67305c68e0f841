package org.factmark.security;

/** The access rules that services state with {@code @PreAuthorize}, named once. */
public final class Access {

    /** Any signed-in user with a role: reviewers, editors and admins. */
    public static final String ANY_ROLE = "hasAnyRole('REVIEWER', 'EDITOR', 'ADMIN')";
    /** Editors and admins: they decide on claims and assign work. */
    public static final String EDITOR = "hasAnyRole('EDITOR', 'ADMIN')";
    public static final String ADMIN = "hasRole('ADMIN')";

    private Access() {
    }
}
