package org.factmark.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in principal: Spring's user plus the id and name that Factmark records on changes. */
public class FactmarkUser extends User {

    private final long id;
    private final String displayName;
    // Outlives the erased password, so that a session can tell that its password was reset since it signed in.
    private final String passwordStamp;

    FactmarkUser(long id, String username, String displayName, String passwordHash, boolean enabled,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, true, true, true, authorities);
        this.id = id;
        this.displayName = displayName;
        this.passwordStamp = stamp(passwordHash);
    }

    /** A digest, not the hash itself, so that sessions hold nothing to guess the password from. */
    private static String stamp(String passwordHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(passwordHash.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** True when both were read with the same password in place. */
    boolean hasSamePasswordAs(FactmarkUser other) {
        return passwordStamp.equals(other.passwordStamp);
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
