package org.factmark.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Factmark's embedded cluster as the application starts it (durable, password-protected), on a
 * data directory of the test's own.
 */
class EmbeddedPostgresClusterIT {

    private static final int PARTS_PER_WRITE = 3;

    @TempDir
    Path dataDir;

    private EmbeddedPostgresCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl("postgres") + "?connectTimeout=2&socketTimeout=10",
                EmbeddedPostgresCluster.USERNAME, cluster.password());
    }

    private static JdbcClient jdbc(EmbeddedPostgresCluster cluster) {
        return JdbcClient.create(new DriverManagerDataSource(cluster.jdbcUrl("postgres"),
                EmbeddedPostgresCluster.USERNAME, cluster.password()));
    }

    private ProcessHandle postmaster() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().strip());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private ProcessHandle killPostmaster() throws Exception {
        ProcessHandle killed = postmaster();
        killed.destroyForcibly();
        killed.onExit().join();
        return killed;
    }

    /** Looked at, not changed: one cluster for these tests, as initdb takes seconds. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class A_new_cluster {

        Path newDataDir;
        EmbeddedPostgresCluster newCluster;

        @BeforeAll
        void start(@TempDir Path newDataDir) throws Exception {
            this.newDataDir = newDataDir;
            newCluster = EmbeddedPostgresCluster.start(newDataDir.resolve("postgres"));
        }

        @AfterAll
        void stop() {
            newCluster.close();
        }

        @Test
        void runs_with_postgresql_durable_settings() {
            var jdbc = jdbc(newCluster);
            assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
            assertThat(jdbc.sql("show full_page_writes").query(String.class).single()).isEqualTo("on");
        }

        @Test
        void lets_in_only_the_generated_password_kept_readable_by_its_owner() throws Exception {
            Path passwordFile = newDataDir.resolve("postgres.password");
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(newCluster.password()).hasSizeGreaterThan(20);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThatThrownBy(() -> DriverManager.getConnection(newCluster.jdbcUrl("postgres"), "postgres", null)
                    .close()).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(newCluster.jdbcUrl("postgres"), "postgres",
                    "postgres").close()).hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void a_cluster_that_an_earlier_version_left_open_gets_a_password_and_keeps_its_data() throws Exception {
        Path clusterDir = dataDir.resolve("postgres");
        // As Factmark created it until now: zonky's defaults, any local account in as superuser.
        try (var earlier = EmbeddedPostgres.builder().setDataDirectory(clusterDir).setCleanDataDirectory(false)
                .start()) {
            var jdbc = JdbcClient.create(earlier.getPostgresDatabase());
            jdbc.sql("create table kept (claim text)").update();
            jdbc.sql("insert into kept values ('Prices rose 9 percent')").update();
        }

        cluster = EmbeddedPostgresCluster.start(clusterDir);

        assertThat(dataDir.resolve("postgres.password")).exists();
        assertThatThrownBy(() -> DriverManager.getConnection(cluster.jdbcUrl("postgres"), "postgres", null).close())
                .hasMessageContaining("password");
        assertThat(jdbc(cluster).sql("select claim from kept").query(String.class).list())
                .containsExactly("Prices rose 9 percent");
        assertThat(jdbc(cluster).sql("select count(*) from pg_hba_file_rules where auth_method = 'trust'")
                .query(Long.class).single()).isZero();

        cluster.close();
        cluster = EmbeddedPostgresCluster.start(clusterDir);
        assertThat(jdbc(cluster).sql("select claim from kept").query(String.class).list())
                .as("the password still works on the next start").containsExactly("Prices rose 9 percent");
    }

    @Test
    void a_killed_postmaster_is_restarted_and_every_acknowledged_write_is_there_once_and_whole() throws Exception {
        cluster = EmbeddedPostgresCluster.start(dataDir.resolve("postgres"));
        jdbc(cluster).sql("create table probe_write (id bigint not null, body text not null)").update();
        jdbc(cluster).sql("create table probe_part (write_id bigint not null, n int not null)").update();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        var ids = new AtomicLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        var acknowledgedAfterKill = new AtomicLong(-1);

        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(Thread.ofPlatform().start(() -> {
                Connection connection = null;
                while (Instant.now().isBefore(deadline) && acknowledgedAfterKill.get() < 100) {
                    long id = ids.incrementAndGet();
                    try {
                        if (connection == null) {
                            connection = connect();
                            connection.setAutoCommit(false);
                        }
                        write(connection, id);
                        acknowledged.add(id);
                        if (acknowledgedAfterKill.get() >= 0) {
                            acknowledgedAfterKill.incrementAndGet();
                        }
                    } catch (SQLException e) {
                        // Not acknowledged: it may or may not have been committed, but never twice or in part.
                        connection = null;
                        sleep(50);
                    }
                }
            }));
        }
        while (acknowledged.size() < 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        ProcessHandle killed = killPostmaster();
        acknowledgedAfterKill.set(0);
        for (Thread writer : writers) {
            writer.join(Duration.between(Instant.now(), deadline).plusSeconds(5));
        }

        assertThat(acknowledgedAfterKill.get()).as("writes acknowledged after the restart").isGreaterThanOrEqualTo(100);
        assertThat(postmaster().pid()).isNotEqualTo(killed.pid());
        var jdbc = jdbc(cluster);
        Map<Long, Long> copies = jdbc.sql("select id, count(*) from probe_write group by id")
                .query((row, n) -> Map.entry(row.getLong(1), row.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(acknowledged.stream().filter(id -> !copies.containsKey(id)).sorted().toList())
                .as("acknowledged writes lost").isEmpty();
        assertThat(copies.entrySet().stream().filter(entry -> entry.getValue() > 1).toList())
                .as("writes there twice").isEmpty();
        assertThat(jdbc.sql("""
                select w.id from probe_write w left join probe_part p on p.write_id = w.id
                group by w.id having count(p.write_id) <> :parts
                """).param("parts", PARTS_PER_WRITE).query(Long.class).list()).as("partial writes").isEmpty();
    }

    @Test
    void a_postmaster_that_cannot_start_again_is_given_up_on_with_one_error_saying_where_to_look() throws Exception {
        cluster = EmbeddedPostgresCluster.start(dataDir.resolve("postgres"), Duration.ofSeconds(3));
        var logged = new ListAppender<ILoggingEvent>();
        logged.start();
        var logger = (Logger) LoggerFactory.getLogger(EmbeddedPostgresCluster.class);
        logger.addAppender(logged);
        try {
            // PostgreSQL does not start without its configuration file.
            Path conf = dataDir.resolve("postgres/postgresql.conf");
            Path moved = conf.resolveSibling("postgresql.conf.moved");
            Files.move(conf, moved);
            killPostmaster();

            Instant deadline = Instant.now().plusSeconds(15);
            while (errors(logged).size() < 2 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(errors(logged)).as("errors logged").hasSize(2);
            assertThat(errors(logged).getLast()).contains("did not start again within 3 s",
                    dataDir.resolve("postgres/restart.log").toString(), conf.toString(), "restart Factmark");

            // It stopped trying: once PostgreSQL could start, it is not started again.
            Files.move(moved, conf);
            Thread.sleep(2500);
            assertThatThrownBy(() -> connect().close()).isInstanceOf(SQLException.class);
            assertThat(errors(logged)).as("errors logged").hasSize(2);
        } finally {
            logger.detachAppender(logged);
        }
    }

    private static List<String> errors(ListAppender<ILoggingEvent> logged) {
        return List.copyOf(logged.list).stream().filter(event -> event.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void closing_during_a_restart_returns_at_once_and_stops_what_the_restart_started() throws Exception {
        cluster = EmbeddedPostgresCluster.start(dataDir.resolve("postgres"), Duration.ofSeconds(30));
        // The restarted PostgreSQL writes its log here: a pipe that nobody reads holds it until the test reads.
        Path serverLog = dataDir.resolve("postgres/restart.log");
        assertThat(new ProcessBuilder("mkfifo", "-m", "666", serverLog.toString()).start().waitFor()).isZero();
        killPostmaster();
        Instant deadline = Instant.now().plusSeconds(10);
        while (restartUnderWay().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(restartUnderWay()).as("pg_ctl restart under way").isPresent();

        Instant closing = Instant.now();
        cluster.close();
        cluster = null;
        assertThat(Duration.between(closing, Instant.now())).as("time to close").isLessThan(Duration.ofSeconds(5));

        // Let the restart go on; the log's pipe ends when the last PostgreSQL process has ended.
        var reader = Thread.ofPlatform().start(() -> {
            try (InputStream log = new FileInputStream(serverLog.toFile())) {
                log.transferTo(OutputStream.nullOutputStream());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.join(Duration.ofSeconds(20));
        assertThat(reader.isAlive()).as("a PostgreSQL started after closing still runs").isFalse();
    }

    private Optional<ProcessHandle> restartUnderWay() {
        return ProcessHandle.allProcesses().filter(process -> process.info().command()
                .filter(command -> command.endsWith("pg_ctl")).isPresent()
                && process.info().arguments().map(List::of)
                        .filter(arguments -> arguments.contains("restart")
                                && arguments.contains(dataDir.resolve("postgres").toString()))
                        .isPresent())
                .findFirst();
    }

    /** One acknowledged write: a row and its parts in one transaction, acknowledged when commit returns. */
    private static void write(Connection connection, long id) throws SQLException {
        try (var row = connection.prepareStatement("insert into probe_write (id, body) values (?, ?)");
                var part = connection.prepareStatement("insert into probe_part (write_id, n) values (?, ?)")) {
            row.setLong(1, id);
            row.setString(2, "write " + id);
            row.executeUpdate();
            for (int n = 0; n < PARTS_PER_WRITE; n++) {
                part.setLong(1, id);
                part.setInt(2, n);
                part.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
