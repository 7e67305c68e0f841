package org.factmark.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.factmark.common.db.DatabaseUnavailable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session in step with its account: a session keeps the roles it signed in with,
 * so each request and each service call looks at the account as the database has it (read again
 * when this instance's copy is over a second old, at once after a change made on this instance or a
 * sign-in), takes the new roles and signs out a disabled or deleted account or one whose password
 * was reset.
 */
@Component
class SignedInAccounts {

    private static final long MAX_AGE_NANOS = 1_000_000_000L;
    private static final Authentication SIGNED_OUT = new AnonymousAuthenticationToken("signed-out", "anonymousUser",
            AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private record Loaded(Optional<FactmarkUser> user, long atNanos) {
    }

    private final JdbcUserDetailsService users;
    // One entry per account that signed in: bounded by the accounts table.
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    SignedInAccounts(JdbcUserDetailsService users) {
        this.users = users;
    }

    /**
     * {@code authentication} itself while its account is unchanged (or it is no Factmark user's);
     * one with the account's current roles when they changed; null when the account may no longer sign in.
     */
    Authentication current(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof FactmarkUser user)) {
            return authentication;
        }
        Loaded entry = loaded.get(user.getUsername());
        if (entry == null || System.nanoTime() - entry.atNanos() > MAX_AGE_NANOS) {
            // Looked up now rather than answered from an older copy: a stale copy must never grant rights that
            // another instance has taken away meanwhile. One indexed read per account and second at most.
            try {
                entry = load(user.getUsername());
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e)) {
                    throw e;
                }
                // The session keeps what it had; whatever it does next meets the outage and says so.
                return authentication;
            }
        }
        Optional<FactmarkUser> now = entry.user();
        if (now.isEmpty() || !now.get().isEnabled() || !now.get().hasSamePasswordAs(user)) {
            return null;
        }
        if (Set.copyOf(now.get().getAuthorities()).equals(Set.copyOf(authentication.getAuthorities()))) {
            return authentication;
        }
        var refreshed = UsernamePasswordAuthenticationToken.authenticated(now.get(), null, now.get().getAuthorities());
        refreshed.setDetails(authentication.getDetails());
        return refreshed;
    }

    /**
     * Brings the current thread's security context (in the UI, the session's) up to date, see
     * {@link #current}; false when its account may no longer sign in and it now holds nobody.
     */
    boolean refreshContext() {
        SecurityContext context = SecurityContextHolder.getContext();
        Authentication authentication = context.getAuthentication();
        Authentication now = current(authentication);
        if (now != authentication) {
            context.setAuthentication(now == null ? SIGNED_OUT : now);
        }
        return authentication == null || now != null;
    }

    /** A change made on this instance reaches its sessions at once: their next step sees it. */
    @TransactionalEventListener
    void onChange(UserService.AccountChanged change) {
        try {
            load(change.username());
        } catch (RuntimeException e) {
            // Committed all the same: the next step of such a session looks the account up itself.
            loaded.remove(change.username());
        }
    }

    /** A sign-in just read the account: its copy is the freshest there is, from {@code readAtNanos}. */
    void signedIn(FactmarkUser user, long readAtNanos) {
        keep(user.getUsername(), new Loaded(Optional.of(user), readAtNanos));
    }

    private Loaded load(String username) {
        long startedAt = System.nanoTime();
        return keep(username, new Loaded(find(username), startedAt));
    }

    /** The newer of what is kept and {@code read}, by when each read began: a slow old read never undoes a change. */
    private Loaded keep(String username, Loaded read) {
        return loaded.merge(username, read, (kept, fresh) -> fresh.atNanos() - kept.atNanos() >= 0 ? fresh : kept);
    }

    private Optional<FactmarkUser> find(String username) {
        try {
            var user = (FactmarkUser) users.loadUserByUsername(username);
            user.eraseCredentials();
            return Optional.of(user);
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    /** For each request of a browser session: new roles at once, and a disabled account signed out. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (!refreshContext()) {
                    new SecurityContextLogoutHandler().logout(request, response, null);
                }
                chain.doFilter(request, response);
            }
        };
    }
}
