package org.factmark.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.factmark.common.InvalidInputException;
import org.factmark.common.NotFoundException;
import org.factmark.common.StorableText;
import org.factmark.common.StaleVersionException;
import org.factmark.common.TextLimit;
import org.factmark.security.internal.UserRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: the admin's gate for adding users, changing their roles and passwords, and disabling them. */
@Service
public class UserService {

    public static final int MIN_PASSWORD_LENGTH = 10;
    /** bcrypt reads at most 72 bytes of a password. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** How messages name a user's inputs, and the limits forms give them. */
    public static final TextLimit USERNAME_FIELD = new TextLimit("The username", 40);
    public static final TextLimit DISPLAY_NAME = new TextLimit("A display name", 100);
    public static final String PASSWORD = "The password";
    public static final String ROLES = "The roles";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");

    /** An account's roles, enabled flag or password changed: sessions signed in to it take the change at once. */
    public record AccountChanged(long id, String username) {
    }

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /** Everyone's display name, for views that show people (read once per view: a handful of rows). */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public PersonNames names() {
        return new PersonNames(users.displayNames());
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return users.findAll();
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional
    public UserAccount create(String username, String displayName, String password, Set<Role> roles) {
        String name = requireUsername(username);
        if (users.usernameTaken(name)) {
            throw new InvalidInputException("The username \"" + name + "\" is already taken.").at(USERNAME_FIELD.fieldName());
        }
        long id = users.insert(name, requireDisplayName(displayName, name), hash(requirePassword(password)),
                requireRoles(roles));
        return users.findById(id).orElseThrow();
    }

    /** Changes name, roles and whether the account may sign in; refused when {@code version} is stale. */
    @PreAuthorize(Access.ADMIN)
    @Transactional
    public UserAccount update(long id, int version, String displayName, Set<Role> roles, boolean enabled) {
        UserAccount current = users.findById(id).orElseThrow(() -> notFound(id));
        Set<Role> newRoles = requireRoles(roles);
        if (isSignedIn(current) && (!enabled || !newRoles.contains(Role.ADMIN))) {
            // The last thing an admin should be able to do by accident is lock themselves out.
            throw new InvalidInputException("You cannot disable your own account or remove your own admin role.");
        }
        claimVersion(current, version);
        users.updateProfile(id, requireDisplayName(displayName, current.username()), enabled);
        users.replaceRoles(id, newRoles);
        events.publishEvent(new AccountChanged(id, current.username()));
        return users.findById(id).orElseThrow();
    }

    @PreAuthorize(Access.ADMIN)
    @Transactional
    public UserAccount resetPassword(long id, int version, String newPassword) {
        UserAccount current = users.findById(id).orElseThrow(() -> notFound(id));
        String hash = hash(requirePassword(newPassword));
        claimVersion(current, version);
        users.updatePasswordHash(id, hash);
        // A reset password is often a stolen one: the sessions signed in with the old one end.
        events.publishEvent(new AccountChanged(id, current.username()));
        return users.findById(id).orElseThrow();
    }

    /** Usernames of the accounts that may be given work: enabled ones, in alphabetical order. */
    @PreAuthorize(Access.EDITOR)
    @Transactional(readOnly = true)
    public List<String> assignableUsernames() {
        return users.findAll().stream().filter(UserAccount::enabled).map(UserAccount::username).toList();
    }

    /** Ids are not secret; server-side start-up tasks use this to attribute what they create. */
    @PreAuthorize("permitAll()")
    @Transactional(readOnly = true)
    public Optional<Long> findIdByUsername(String username) {
        return users.findCredentials(username).map(UserRepository.Credentials::id);
    }

    /** Used once, on an empty database, before anybody can sign in; see {@link AccountBootstrap}. */
    @Transactional
    void createInitialAccount(String username, String displayName, String password, Set<Role> roles) {
        users.insert(username, displayName, hash(password), roles);
    }

    /** Checks a password given from outside (FACTMARK_ADMIN_PASSWORD) by the same rules as the UI's. */
    static String checkPassword(String password) {
        return requirePassword(password);
    }

    boolean hasAnyAccount() {
        return users.count() > 0;
    }

    private void claimVersion(UserAccount account, int version) {
        if (!users.bumpVersion(account.id(), version)) {
            throw new StaleVersionException("The account \"" + account.username()
                    + "\" was changed by someone else meanwhile. Reload it and try again.");
        }
    }

    private static boolean isSignedIn(UserAccount account) {
        return CurrentUser.find().map(user -> user.id() == account.id()).orElse(false);
    }

    private String hash(String password) {
        return passwordEncoder.encode(password);
    }

    private static String requireUsername(String username) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidInputException("A username has 2 to 40 characters: lower-case letters, digits, "
                    + "dots, dashes or underscores, starting with a letter or digit.").at(USERNAME_FIELD.fieldName());
        }
        return name;
    }

    private static String requireDisplayName(String displayName, String fallback) {
        String name = DISPLAY_NAME.check(displayName);
        return name == null ? fallback : name;
    }

    private static String requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters.").at(PASSWORD);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            // bcrypt reads at most 72 bytes; refuse rather than fail or silently ignore the rest.
            throw new InvalidInputException("A password has at most 72 bytes (72 plain letters, fewer accented ones).").at(PASSWORD);
        }
        return StorableText.check(password, PASSWORD);
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("Give the user at least one role.").at(ROLES);
        }
        return roles;
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("There is no user with id " + id + ".");
    }
}
