package org.factmark.common.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL inside the application when no external database is configured, so that
 * Factmark runs on a machine that has nothing but a JDK. With {@code SPRING_DATASOURCE_URL} set,
 * none of this is created and Spring Boot's own data source is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgresCluster embeddedPostgres(@Value("${factmark.data-dir}") Path dataDir,
            @Value("${factmark.embedded-postgres.ephemeral:false}") boolean ephemeral,
            @Value("${factmark.embedded-postgres.restart-timeout:60s}") Duration restartTimeout) throws IOException {
        // Tests ask for a throw-away cluster so that every test run starts from an empty database.
        if (ephemeral) {
            return EmbeddedPostgresCluster.startThrowAway();
        }
        Path clusterDir = dataDir.toAbsolutePath().normalize().resolve("postgres");
        log.info("Starting embedded PostgreSQL with its data in {}", clusterDir);
        return EmbeddedPostgresCluster.start(clusterDir, restartTimeout);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresCluster postgres) {
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl("postgres"));
        dataSource.setUsername(EmbeddedPostgresCluster.USERNAME);
        dataSource.setPassword(postgres.password());
        dataSource.setPoolName("factmark-embedded");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
