package org.factmark.common.db;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells admins (health details) whether a commit that Factmark acknowledged survives a crash: the
 * database's fsync, synchronous_commit and full_page_writes as in force, and whether the cluster is
 * Factmark's embedded one. Only informs: the status is UP whatever the settings, and UNKNOWN while
 * the database does not answer (the database's own indicator reports that as DOWN).
 */
@Component("durability")
class DurabilityHealthIndicator implements HealthIndicator {

    private static final String SETTINGS = """
            select name, setting from pg_settings
            where name in ('fsync', 'synchronous_commit', 'full_page_writes')
            """;

    private final BoundedProbe<Map<String, String>> settings;
    private final boolean embedded;

    DurabilityHealthIndicator(JdbcClient jdbc, ObjectProvider<EmbeddedPostgresCluster> embeddedPostgres) {
        this.settings = new BoundedProbe<>(() -> {
            Map<String, String> inForce = new TreeMap<>();
            jdbc.sql(SETTINGS).query((RowCallbackHandler) row -> inForce.put(row.getString(1), row.getString(2)));
            return inForce;
        });
        this.embedded = embeddedPostgres.getIfAvailable() != null;
    }

    @Override
    public Health health() {
        Map<String, String> inForce;
        try {
            inForce = settings.answer();
        } catch (TimeoutException | ExecutionException e) {
            // Bounded like the database's own check, so that health still answers within a second in an outage.
            return Health.unknown().withDetail("embedded", embedded).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("embedded", embedded).build();
        }
        boolean durable = "on".equals(inForce.get("fsync")) && "on".equals(inForce.get("full_page_writes"))
                && !"off".equals(inForce.get("synchronous_commit"));
        return Health.up()
                .withDetail("embedded", embedded)
                .withDetail("durable", durable)
                .withDetails(inForce)
                .build();
    }
}
