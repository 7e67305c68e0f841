package org.factmark.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.factmark.IntegrationTest;
import org.factmark.export.internal.ExportRepository;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The export figures of BENCHMARKS.md: 1,000,000 verified claims with 2,000,000 source links,
 * exported as CSV through the API, against PostgreSQL's own COPY of the same query to CSV (the
 * physical limit) in the same run. Run with {@code ./mvnw -Pbenchmark verify}, in a JVM limited to
 * a 256 MiB heap (see the profile in pom.xml); it prints the figures and writes them to
 * {@code target/benchmarks/export.md}.
 */
@IntegrationTest
class LargeExportBenchmark {

    private static final int CLAIMS = 1_000_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;

    @Test
    void export_a_million_verified_claims_and_compare_with_copy() throws Exception {
        seed();
        long rows = jdbc.sql("select count(*) from claim where status = 'VERIFIED' and deleted_at is null")
                .query(Long.class).single();
        long links = jdbc.sql("""
                        select count(*) from claim_source l join claim c on c.id = l.claim_id
                        where c.status = 'VERIFIED' and c.deleted_at is null""").query(Long.class).single();

        var heap = new PeakHeap();
        heap.start();
        long apiStart = System.nanoTime();
        var firstByte = new AtomicLong();
        long apiBytes = download("/api/export/claims.csv", firstByte);
        double apiSeconds = (System.nanoTime() - apiStart) / 1e9;
        double firstByteSeconds = (firstByte.get() - apiStart) / 1e9;
        heap.finish();

        long copyStart = System.nanoTime();
        long copyBytes = copy();
        double copySeconds = (System.nanoTime() - copyStart) / 1e9;

        String report = """
                | export of %,d verified claims (%,d source links) | seconds | rows per second | MB |
                |---|---|---|---|
                | GET /api/export/claims.csv (HTTP, streamed) | %.1f | %,.0f | %.0f |
                | COPY (the same query) TO STDOUT WITH CSV | %.1f | %,.0f | %.0f |
                | ratio, API to COPY | | %.2f | |

                The first bytes of the API's answer arrived after %.2f s. Heap: limit %d MiB, peak used during
                the export %d MiB.
                """.formatted(rows, links, apiSeconds, rows / apiSeconds, apiBytes / 1e6, copySeconds,
                rows / copySeconds, copyBytes / 1e6, (rows / apiSeconds) / (rows / copySeconds), firstByteSeconds,
                Runtime.getRuntime().maxMemory() >> 20, heap.peak() >> 20);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "export.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(rows).isGreaterThanOrEqualTo(CLAIMS);
    }

    /** One document, a million verified claims on it, and two sources for each: by SQL, for speed. */
    private void seed() {
        long author = jdbc.sql("select id from app_user where username = 'alice'").query(Long.class).single();
        long editor = jdbc.sql("select id from app_user where username = 'editor'").query(Long.class).single();
        long document = jdbc.sql("""
                        insert into document (title, body, outlet, sha256, text_length, created_by)
                        values ('Benchmark, "export"', repeat('Officials said, "12 sites" were hit. ', 100), 'Bench',
                                repeat('0', 64), 3800, :author) returning id""")
                .param("author", author).query(Long.class).single();
        jdbc.sql("""
                        insert into claim (document_id, start_offset, end_offset, quote, prefix, suffix, type_code,
                                           confidence, claimant, restatement, status, rating, rationale, created_by,
                                           updated_by, decided_by, decided_at)
                        select :document, 0, 38, 'Officials said, "12 sites" were hit.', '', ' Officials',
                               'statistic', 'HIGH', 'officials, per ' || n, 'Restated ' || n, 'VERIFIED', 'TRUE',
                               'Checked against record ' || n, :author, :author, :editor, now()
                        from generate_series(1, :claims) n""")
                .param("document", document).param("author", author).param("editor", editor)
                .param("claims", CLAIMS).update();
        jdbc.sql("""
                        insert into source (url, title, publisher, kind, created_by)
                        select 'https://records.example/' || n, 'Record ' || n, 'Archive', 'DATASET', :author
                        from generate_series(1, 1000) n""")
                .param("author", author).update();
        jdbc.sql("""
                        insert into claim_source (claim_id, source_id, stance, created_by)
                        select c.id, s.id, 'SUPPORTS', :author
                        from claim c
                        join lateral (select id from source where url like 'https://records.example/%'
                                      order by id offset (c.id % 998) limit 2) s on true
                        where c.document_id = :document""")
                .param("author", author).param("document", document).update();
        jdbc.sql("analyze").update();
    }

    /** Downloads and discards the answer; {@code firstByte} gets the nano time when its first bytes came. */
    private long download(String path, AtomicLong firstByte) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("editor:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] first = body.readNBytes(1);
            firstByte.set(System.nanoTime());
            return first.length + body.transferTo(OutputStream.nullOutputStream());
        }
    }

    private long copy() throws Exception {
        var counted = new AtomicLong();
        try (Connection connection = dataSource.getConnection()) {
            var out = new OutputStream() {
                @Override
                public void write(int b) {
                    counted.incrementAndGet();
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    counted.addAndGet(length);
                }
            };
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut(
                    "COPY (" + ExportRepository.verifiedClaimsQuery() + ") TO STDOUT WITH CSV HEADER", out);
        }
        return counted.get();
    }

    /** Samples the used heap while the export runs. */
    private static final class PeakHeap extends Thread {
        private volatile boolean running = true;
        private volatile long peak;

        PeakHeap() {
            setDaemon(true);
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() throws InterruptedException {
            running = false;
            join();
        }

        long peak() {
            return peak;
        }
    }
}
