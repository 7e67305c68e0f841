package org.factmark.live;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * LISTENs on the database's {@value #CHANNEL} channel over a connection of its own (outside the
 * pool, which it would otherwise hold for ever) and passes every announced change to the
 * {@link ChangeFeed}. When the connection breaks it reconnects, then tells everyone to read
 * everything again, since changes may have been announced while nobody listened.
 */
@Component
class PostgresChangeListener implements SmartLifecycle {

    static final String CHANNEL = "factmark";
    private static final Logger log = LoggerFactory.getLogger(PostgresChangeListener.class);
    private static final int WAIT_MILLIS = 500;
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** A connection that silently died (a dropped socket) would never say so: ask it now and then. */
    private static final Duration PING = Duration.ofSeconds(30);
    private static final int PING_TIMEOUT_MILLIS = 10_000;

    private final DataSource dataSource;
    private final ChangeFeed feed;
    private volatile Thread thread;

    PostgresChangeListener(DataSource dataSource, ChangeFeed feed) {
        this.dataSource = dataSource;
        this.feed = feed;
    }

    @Override
    public void start() {
        // Assigned before it starts: the thread listens only while it is the one in this field.
        Thread listener = Thread.ofPlatform().daemon().name("factmark-change-listener").unstarted(this::listenUntilStopped);
        thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }


    private void listenUntilStopped() {
        boolean reconnecting = false;
        while (thread == Thread.currentThread()) {
            try (Connection connection = openConnection()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (reconnecting) {
                    log.info("Listening for changes again");
                    feed.publish(Change.RESYNC);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                // Reads that wait longer than this fail, so a ping over a dead socket ends in a reconnect.
                connection.setNetworkTimeout(Runnable::run, PING_TIMEOUT_MILLIS);
                long lastPing = System.nanoTime();
                while (thread == Thread.currentThread()) {
                    if (System.nanoTime() - lastPing > PING.toNanos()) {
                        try (var ping = connection.createStatement()) {
                            ping.execute("select 1");
                        }
                        lastPing = System.nanoTime();
                    }
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            Change.parse(notification.getParameter()).ifPresentOrElse(feed::publish,
                                    () -> log.warn("Ignored an unknown announcement: {}", notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException | Error e) {
                // Whatever went wrong, this thread must go on listening: a dead listener would
                // silently end every live update on this instance.
                if (thread != Thread.currentThread()) {
                    return;
                }
                log.warn("Stopped listening for changes; listening again in {} s", RETRY.toSeconds(), e);
                reconnecting = true;
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** A connection of its own, with the pool's settings; any other data source lends one for good. */
    private Connection openConnection() throws SQLException {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            var properties = new Properties();
            properties.putAll(pool.getDataSourceProperties());
            if (pool.getUsername() != null) {
                properties.setProperty("user", pool.getUsername());
            }
            if (pool.getPassword() != null) {
                properties.setProperty("password", pool.getPassword());
            }
            properties.setProperty("tcpKeepAlive", "true");
            return DriverManager.getConnection(pool.getJdbcUrl(), properties);
        }
        return dataSource.getConnection();
    }
}
