package org.factmark.common.db;

import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's part of {@code /actuator/health}, in place of Spring Boot's, which waits as long as
 * any request for a connection: this one says DOWN after {@link BoundedProbe#DEADLINE} however
 * stalled the database is.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private final BoundedProbe<Boolean> answers;

    DatabaseHealth(DataSource dataSource) {
        this.answers = new BoundedProbe<>(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public Health health() {
        try {
            return answers.answer() ? Health.up().build()
                    : Health.down().withDetail("reason", "the database does not answer").build();
        } catch (TimeoutException e) {
            return Health.down().withDetail("reason", "no answer within " + BoundedProbe.DEADLINE.toMillis() + " ms")
                    .build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down(e).build();
        }
    }
}
