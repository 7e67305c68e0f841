package org.factmark.common.db;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Tells admins (health details) whether a commit that Factmark acknowledged survives a crash: the
 * database's fsync, synchronous_commit and full_page_writes as the database check last read them,
 * and whether the cluster is Factmark's embedded one. Only informs: the status is UP whatever the
 * settings, and UNKNOWN before they were read (the database's own indicator reports an outage).
 */
@Component("durability")
class DurabilityHealthIndicator implements HealthIndicator {

    private final DatabaseHealth database;
    private final boolean embedded;

    DurabilityHealthIndicator(DatabaseHealth database, ObjectProvider<EmbeddedPostgresCluster> embeddedPostgres) {
        this.database = database;
        this.embedded = embeddedPostgres.getIfAvailable() != null;
    }

    @Override
    public Health health() {
        return database.lastDurabilitySettings().map(this::describe)
                .orElseGet(() -> Health.unknown().withDetail("embedded", embedded).build());
    }

    private Health describe(Map<String, String> settings) {
        boolean durable = "on".equals(settings.get("fsync")) && "on".equals(settings.get("full_page_writes"))
                && !"off".equals(settings.get("synchronous_commit"));
        return Health.up()
                .withDetail("embedded", embedded)
                .withDetail("durable", durable)
                .withDetails(settings)
                .build();
    }
}
