package org.factmark.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.factmark.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DatabaseMigrationIT {

    @Autowired
    Flyway flyway;
    @Autowired
    JdbcClient jdbc;

    @Test
    void every_migration_in_db_migration_was_applied_to_the_empty_database() {
        MigrationInfo[] applied = flyway.info().applied();

        assertThat(applied).isNotEmpty().allSatisfy(migration -> assertThat(migration.getState().isApplied()).isTrue());
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(applied[0].getVersion().getVersion()).isEqualTo("0001");
    }

    @Test
    void the_database_is_a_real_postgresql() {
        String version = jdbc.sql("select version()").query(String.class).single();

        assertThat(version).startsWith("PostgreSQL 18");
    }

    @Test
    void the_tables_the_application_needs_exist() {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' order by table_name""")
                .query(String.class).list();

        assertThat(tables).contains("app_user", "user_role", "document");
    }
}
