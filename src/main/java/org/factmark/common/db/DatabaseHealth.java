package org.factmark.common.db;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The database's part of {@code /actuator/health}, in place of Spring Boot's, which waits as long as
 * any request for a connection: this one says DOWN after {@link #DEADLINE} however stalled the
 * database is. A probe still running is joined, not repeated, so a stalled database does not collect
 * a waiting thread per health request. Its query reads the durability settings, which
 * {@link DurabilityHealthIndicator} shows without a query of its own, so health waits once at most.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    static final long DEADLINE_MILLIS = 800;

    private static final String DURABILITY_SETTINGS = """
            select name, setting from pg_settings
            where name in ('fsync', 'synchronous_commit', 'full_page_writes')
            """;

    private final JdbcClient jdbc;
    private CompletableFuture<Map<String, String>> running = CompletableFuture.completedFuture(Map.of());
    private volatile Map<String, String> lastDurabilitySettings;

    DatabaseHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        try {
            lastDurabilitySettings = probe().get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
            return Health.up().build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "no answer within " + DEADLINE_MILLIS + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }

    /** The settings as the last probe that reached the database read them; empty before the first. */
    Optional<Map<String, String>> lastDurabilitySettings() {
        return Optional.ofNullable(lastDurabilitySettings);
    }

    /** Reads the settings once at start-up, so that admins see them from the first health request on. */
    @EventListener(ApplicationReadyEvent.class)
    void readDurabilitySettings() {
        health();
    }

    private synchronized CompletableFuture<Map<String, String>> probe() {
        if (running.isDone()) {
            running = CompletableFuture.supplyAsync(this::durabilitySettings, Thread::startVirtualThread);
        }
        return running;
    }

    private Map<String, String> durabilitySettings() {
        Map<String, String> settings = new TreeMap<>();
        jdbc.sql(DURABILITY_SETTINGS).query((RowCallbackHandler) row -> settings.put(row.getString(1), row.getString(2)));
        return settings;
    }
}
