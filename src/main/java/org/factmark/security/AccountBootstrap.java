package org.factmark.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.factmark.common.DemoMode;
import org.factmark.common.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first accounts on an empty database: the four demo accounts in demo mode, otherwise
 * one admin whose password comes from {@code FACTMARK_ADMIN_PASSWORD} or is generated and logged once.
 * There is no default password outside demo mode.
 */
@Component
@Order(0)
class AccountBootstrap implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final UserService users;
    private final DemoMode demoMode;
    private final String adminPassword;

    AccountBootstrap(UserService users, DemoMode demoMode, @Value("${factmark.admin-password:}") String adminPassword) {
        this.users = users;
        this.demoMode = demoMode;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.hasAnyAccount()) {
            return;
        }
        if (demoMode.enabled()) {
            users.createInitialAccount("admin", "Ada Admin", DEMO_PASSWORD, Set.of(Role.ADMIN));
            users.createInitialAccount("editor", "Eddie Editor", DEMO_PASSWORD, Set.of(Role.EDITOR));
            users.createInitialAccount("alice", "Alice Reviewer", DEMO_PASSWORD, Set.of(Role.REVIEWER));
            users.createInitialAccount("bob", "Bob Reviewer", DEMO_PASSWORD, Set.of(Role.REVIEWER));
            log.info("Demo mode: created the accounts admin, editor, alice and bob, each with password '{}'",
                    DEMO_PASSWORD);
            return;
        }
        if (adminPassword != null && !adminPassword.isBlank()) {
            try {
                UserService.checkPassword(adminPassword);
            } catch (InvalidInputException e) {
                throw new IllegalStateException("FACTMARK_ADMIN_PASSWORD is not usable: " + e.getMessage(), e);
            }
            users.createInitialAccount("admin", "Administrator", adminPassword, Set.of(Role.ADMIN));
            log.info("Created the first admin account 'admin' with the password from FACTMARK_ADMIN_PASSWORD");
        } else {
            String generated = generatePassword();
            users.createInitialAccount("admin", "Administrator", generated, Set.of(Role.ADMIN));
            // Logged exactly once: it is the only way into a fresh installation without FACTMARK_ADMIN_PASSWORD.
            log.warn("Created the first admin account 'admin' with the one-time password: {} "
                    + "(reset it in the Users view after signing in; it is not shown again)", generated);
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
