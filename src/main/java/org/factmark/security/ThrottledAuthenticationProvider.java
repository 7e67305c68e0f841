package org.factmark.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password sign-in (the login form and HTTP Basic alike) behind {@link LoginThrottle}:
 * a throttled attempt is refused before its password is hashed, which is what keeps the CPU, and so
 * legitimate users' response times, free while someone guesses.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final SignedInAccounts accounts;

    ThrottledAuthenticationProvider(JdbcUserDetailsService users, PasswordEncoder passwordEncoder,
            LoginThrottle throttle, SignedInAccounts accounts) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = attempt.getName();
        // The address the connection came from: forwarded headers count only where the server trusts them.
        String client = attempt.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        var refusedUntil = throttle.refusedUntil(account, client);
        if (refusedUntil.isPresent()) {
            throw new LoginThrottledException(refusedUntil.get());
        }
        try {
            long readAt = System.nanoTime();
            Authentication authenticated = passwords.authenticate(attempt);
            throttle.succeeded(account, client);
            // What the sign-in just read replaces any older copy, so the roles checked next are these.
            accounts.signedIn((FactmarkUser) authenticated.getPrincipal(), readAt);
            return authenticated;
        } catch (BadCredentialsException e) {
            // Wrong passwords and unknown usernames only: an outage of the database is no guess.
            throttle.failed(account, client);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
