package org.factmark.claim.internal;

import java.util.List;
import java.util.Optional;
import org.factmark.claim.ClaimType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the claim-type taxonomy. */
@Repository
public class ClaimTypeRepository {

    private static final String SELECT_TYPE =
            "select code, name, colour, description, active, position, version from claim_type";

    private final JdbcClient jdbc;

    ClaimTypeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ClaimType> findAll() {
        return jdbc.sql(SELECT_TYPE + " order by position, code").query(ClaimType.class).list();
    }

    public Optional<ClaimType> findByCode(String code) {
        return jdbc.sql(SELECT_TYPE + " where code = :code").param("code", code).query(ClaimType.class).optional();
    }

    public void insert(ClaimType type) {
        jdbc.sql("""
                        insert into claim_type (code, name, colour, description, active, position)
                        values (:code, :name, :colour, :description, :active,
                                (select coalesce(max(position), 0) + 1 from claim_type))
                        """)
                .param("code", type.code())
                .param("name", type.name())
                .param("colour", type.colour())
                .param("description", type.description())
                .param("active", type.active())
                .update();
    }

    /** Applies the change when the type still has {@code expectedVersion}; false when it does not. */
    public boolean update(String code, int expectedVersion, String name, String colour, String description,
            boolean active) {
        return jdbc.sql("""
                        update claim_type
                        set name = :name, colour = :colour, description = :description, active = :active,
                            version = version + 1
                        where code = :code and version = :version
                        """)
                .param("code", code)
                .param("version", expectedVersion)
                .param("name", name)
                .param("colour", colour)
                .param("description", description)
                .param("active", active)
                .update() == 1;
    }

    public boolean isInUse(String code) {
        return jdbc.sql("select exists (select 1 from claim where type_code = :code)")
                .param("code", code)
                .query(Boolean.class)
                .single();
    }

    public void delete(String code) {
        jdbc.sql("delete from claim_type where code = :code").param("code", code).update();
    }
}
