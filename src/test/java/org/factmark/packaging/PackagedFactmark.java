package org.factmark.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.factmark.api.HttpApi;

/**
 * The packaged jar ({@code java -jar target/factmark.jar}) started as an operator would, configured
 * by environment variables, in a process of its own; {@link #close()} stops it.
 */
public final class PackagedFactmark implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedFactmark(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar in {@code workDir} and waits until its health is UP. */
    public static PackagedFactmark start(Path workDir, Map<String, String> environment)
            throws IOException, InterruptedException {
        int port = freePort();
        Path jar = Path.of(System.getProperty("factmark.jar", "target/factmark.jar"));
        assertThat(jar).as("the packaged jar; run this test with ./mvnw verify").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = workDir.resolve("factmark.log");
        var builder = new ProcessBuilder(List.of(java, "-jar", jar.toAbsolutePath().toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        builder.environment().remove("FACTMARK_ADMIN_PASSWORD");
        builder.environment().remove("FACTMARK_DEMO");
        builder.environment().putAll(environment);
        var factmark = new PackagedFactmark(builder.start(), log, port);
        factmark.awaitUp();
        return factmark;
    }

    private void awaitUp() throws IOException, InterruptedException {
        var api = api();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("Factmark is running; its log:%n%s", log()).isTrue();
            if (api.isUp()) {
                return;
            }
            Thread.sleep(250);
        }
        close();
        throw new AssertionError("Factmark did not answer /actuator/health within " + START_TIMEOUT);
    }

    public HttpApi api() {
        return new HttpApi(port);
    }

    public int port() {
        return port;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Kills the JVM at once (SIGKILL), as a crash would: nothing in it gets to stop cleanly. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
