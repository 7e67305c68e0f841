package org.factmark.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database's pool, built by hand, gets the same timeouts as an external one (DatabaseOutageIT). */
@IntegrationTest
class DatabaseTimeoutsIT {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void the_embedded_pool_bounds_the_wait_for_a_connection_every_read_and_every_statement() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);

        assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
        assertThat(pool.getDataSourceProperties()).containsEntry("socketTimeout", "20")
                .containsEntry("connectTimeout", "3").containsEntry("tcpKeepAlive", "true");
        assertThat(jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("15s");
    }
}
