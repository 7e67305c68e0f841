package org.factmark.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is making the current request, for the services that record it. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<FactmarkUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof FactmarkUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public static FactmarkUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("You need to sign in first."));
    }
}
