package org.factmark.security;

import org.factmark.security.internal.UserRepository;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Signs users in against the accounts table; a disabled account is refused by Spring Security. */
@Component
class JdbcUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    JdbcUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findCredentials(username)
                .map(user -> new FactmarkUser(user.id(), user.username(), user.displayName(), user.passwordHash(),
                        user.enabled(), user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority()))
                                .toList()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
