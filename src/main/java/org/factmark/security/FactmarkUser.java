package org.factmark.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal: Spring's user plus the id and name that Factmark records on changes. */
public class FactmarkUser extends User {

    private final long id;
    private final String displayName;

    FactmarkUser(long id, String username, String displayName, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.id = id;
        this.displayName = displayName;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Editors and admins decide on claims and see the team's figures. */
    public boolean isEditor() {
        return getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals("ROLE_EDITOR")
                || authority.getAuthority().equals("ROLE_ADMIN"));
    }
}
