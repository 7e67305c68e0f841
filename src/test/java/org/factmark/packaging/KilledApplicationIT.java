package org.factmark.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.factmark.api.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The packaged jar on its embedded PostgreSQL, killed (SIGKILL) while claims are being created: the
 * next start on the same data directory stops the PostgreSQL the killed one left running, starts,
 * and has every claim it had answered 201 for, once.
 */
class KilledApplicationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Prices rose 9 percent in May, the statistics office said.";

    @TempDir
    Path workDir;

    private PackagedFactmark factmark;

    @AfterEach
    void stop() throws Exception {
        if (factmark != null) {
            factmark.close();
        }
        // Should this test fail, it leaves no PostgreSQL behind either.
        Path pidFile = workDir.resolve("data/postgres/postmaster.pid");
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip()))
                    .ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void after_a_kill_the_next_start_stops_the_orphaned_postgres_and_has_every_acknowledged_claim_once()
            throws Exception {
        factmark = PackagedFactmark.start(workDir, Map.of());
        HttpApi api = factmark.api();
        long documentId = JSON.readTree(api.postJson("/api/documents",
                "{\"title\":\"Killed mid-load\",\"text\":\"" + TEXT + "\"}", "alice", "demo").body()).get("id").asLong();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        var attempts = new AtomicInteger();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (Instant.now().isBefore(deadline)) {
                    String note = "attempt " + attempts.incrementAndGet();
                    try {
                        var response = api.postJson("/api/documents/" + documentId + "/claims", """
                                {"start":0,"end":6,"type":"event","confidence":"HIGH","note":"%s"}"""
                                .formatted(note), "alice", "demo");
                        if (response.statusCode() == 201) {
                            acknowledged.put(JSON.readTree(response.body()).get("id").asLong(), note);
                        }
                    } catch (IllegalStateException killed) {
                        return;
                    }
                }
            }));
        }
        while (acknowledged.size() < 30 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        factmark.kill();
        for (Thread client : clients) {
            client.join();
        }

        factmark = PackagedFactmark.start(workDir, Map.of());

        assertThat(factmark.log()).contains("left by a Factmark that did not stop cleanly; stopping it");
        JsonNode claims = JSON.readTree(factmark.api().get("/api/documents/" + documentId + "/claims", "alice", "demo")
                .body());
        Map<Long, String> stored = new ConcurrentHashMap<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode claim : claims) {
            stored.put(claim.get("id").asLong(), claim.get("note").asString());
            notes.add(claim.get("note").asString());
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(30);
        assertThat(stored).containsAllEntriesOf(acknowledged);
        assertThat(notes).as("no claim twice").doesNotHaveDuplicates();
        assertThat(Set.copyOf(notes)).hasSameSizeAs(stored.keySet());
    }
}
