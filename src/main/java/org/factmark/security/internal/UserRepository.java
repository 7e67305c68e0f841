package org.factmark.security.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.factmark.security.Role;
import org.factmark.security.UserAccount;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for accounts and roles. Callers check permissions; this class only reads and writes rows. */
@Repository
public class UserRepository {

    /** What login needs: the hash is read here and nowhere else. */
    public record Credentials(long id, String username, String displayName, String passwordHash, boolean enabled,
            Set<Role> roles) {
    }

    private static final String SELECT_ACCOUNT = """
            select u.id, u.version, u.username, u.display_name, u.enabled, u.created_at, u.password_hash,
                   coalesce(array_agg(r.role order by r.role) filter (where r.role is not null), '{}') as roles
            from app_user u
            left join user_role r on r.user_id = u.id
            """;

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public Map<String, String> displayNames() {
        return jdbc.sql("select username, display_name from app_user")
                .query((rs, row) -> Map.entry(rs.getString("username"), rs.getString("display_name")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<UserAccount> findAll() {
        return jdbc.sql(SELECT_ACCOUNT + " group by u.id order by lower(u.username)")
                .query((rs, row) -> account(rs))
                .list();
    }

    public Optional<UserAccount> findById(long id) {
        return jdbc.sql(SELECT_ACCOUNT + " where u.id = :id group by u.id")
                .param("id", id)
                .query((rs, row) -> account(rs))
                .optional();
    }

    public Optional<Credentials> findCredentials(String username) {
        return jdbc.sql(SELECT_ACCOUNT + " where lower(u.username) = lower(:username) group by u.id")
                .param("username", username)
                .query((rs, row) -> new Credentials(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                        roles(rs.getArray("roles"))))
                .optional();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select exists (select 1 from app_user where lower(username) = lower(:username))")
                .param("username", username)
                .query(Boolean.class)
                .single();
    }

    public long insert(String username, String displayName, String passwordHash, Set<Role> roles) {
        long id = jdbc.sql("""
                        insert into app_user (username, display_name, password_hash)
                        values (:username, :displayName, :passwordHash)
                        returning id
                        """)
                .param("username", username)
                .param("displayName", displayName)
                .param("passwordHash", passwordHash)
                .query(Long.class)
                .single();
        insertRoles(id, roles);
        return id;
    }

    /** Bumps the version when it still is {@code expectedVersion}; false when someone changed the row first. */
    public boolean bumpVersion(long id, int expectedVersion) {
        return jdbc.sql("update app_user set version = version + 1 where id = :id and version = :version")
                .param("id", id)
                .param("version", expectedVersion)
                .update() == 1;
    }

    public void replaceRoles(long id, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = :id").param("id", id).update();
        insertRoles(id, roles);
    }

    public void updateProfile(long id, String displayName, boolean enabled) {
        jdbc.sql("update app_user set display_name = :displayName, enabled = :enabled where id = :id")
                .param("id", id)
                .param("displayName", displayName)
                .param("enabled", enabled)
                .update();
    }

    public void updatePasswordHash(long id, String passwordHash) {
        jdbc.sql("update app_user set password_hash = :hash where id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .update();
    }

    private void insertRoles(long userId, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (:userId, :role)")
                    .param("userId", userId)
                    .param("role", role.name())
                    .update();
        }
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getInt("version"), rs.getString("username"),
                rs.getString("display_name"), roles(rs.getArray("roles")), rs.getBoolean("enabled"),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        return roles;
    }
}
