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
 * so each request and each service call looks at the account as the database has it now (read at
 * most a second ago on this instance, at once after a change made here), takes the new roles and
 * signs a disabled or deleted account out.
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
        Optional<FactmarkUser> now = load(user.getUsername());
        if (now.isEmpty() || !now.get().isEnabled()) {
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

    @TransactionalEventListener
    void onChange(UserService.AccountChanged change) {
        loaded.remove(change.username());
    }

    private Optional<FactmarkUser> load(String username) {
        Loaded entry = loaded.get(username);
        long now = System.nanoTime();
        if (entry == null || now - entry.atNanos() > MAX_AGE_NANOS) {
            entry = new Loaded(find(username), now);
            loaded.put(username, entry);
        }
        return entry.user();
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
