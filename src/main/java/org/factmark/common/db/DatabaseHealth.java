package org.factmark.common.db;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's part of {@code /actuator/health}, in place of Spring Boot's, which waits as long as
 * any request for a connection: this one says DOWN after {@link #DEADLINE} however stalled the
 * database is. A check still running is joined, not repeated, so a stalled database does not
 * collect a waiting thread per health probe.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    static final Duration DEADLINE = Duration.ofMillis(800);

    private final DataSource dataSource;
    private CompletableFuture<Boolean> running = CompletableFuture.completedFuture(true);

    DatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try {
            return check().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS) ? Health.up().build()
                    : Health.down().withDetail("reason", "the database does not answer").build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "no answer within " + DEADLINE.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }

    private synchronized CompletableFuture<Boolean> check() {
        if (running.isDone()) {
            running = CompletableFuture.supplyAsync(this::answers, Thread::startVirtualThread);
        }
        return running;
    }

    private boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
