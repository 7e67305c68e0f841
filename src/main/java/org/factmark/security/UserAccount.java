package org.factmark.security;

import java.time.Instant;
import java.util.Set;

/** A user as an admin sees it. The password hash never leaves the security feature's internals. */
public record UserAccount(long id, int version, String username, String displayName, Set<Role> roles,
        boolean enabled, Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
