package org.factmark.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.factmark.IntegrationTest;
import org.factmark.SignedIn;
import org.factmark.api.HttpApi;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Confidence;
import org.factmark.claim.Rating;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.factmark.review.ReviewService;
import org.factmark.source.NewSource;
import org.factmark.source.SourceKind;
import org.factmark.source.SourceService;
import org.factmark.source.Stance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class ExportApiIT {

    private static final String TEXT = "He said \"no, never\", twice.\nThen: 👩‍👩‍👧 waved; שלום, עולם. Losses: -5 units.";

    @Autowired
    DocumentService documents;
    @Autowired
    ClaimService claims;
    @Autowired
    SourceService sources;
    @Autowired
    ReviewService reviews;
    @Autowired
    UserDetailsService userDetails;
    @LocalServerPort
    int port;

    SignedIn signedIn;
    long documentId;
    Claim verified;
    Claim open;

    @BeforeEach
    void verifyAClaimWithAwkwardText() {
        signedIn = new SignedIn(userDetails);
        signedIn.as("alice");
        documentId = documents.add(new NewDocument("Export, \"quoted\"", TEXT, "https://news.example/story", "Outlet",
                null)).id();
        verified = mark("He said \"no, never\", twice.\nThen: 👩‍👩‍👧 waved; שלום, עולם.", "=HYPERLINK(\"x\")");
        open = mark("-5 units", "@SUM(1)");
        sources.link(verified.id(), sources.findOrCreate(NewSource.web("https://records.example/" + verified.id(),
                "Records", "Archive", SourceKind.PRIMARY_DOCUMENT)).source().id(), Stance.SUPPORTS, "no, never");
        reviews.sendToReview(verified.id(), claims.get(verified.id()).version());
        signedIn.as("editor");
        verified = reviews.decide(verified.id(), claims.get(verified.id()).version(), ClaimStatus.VERIFIED,
                Rating.MOSTLY_TRUE, "Said, \"twice\".");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private Claim mark(String quote, String claimant) {
        int start = TEXT.indexOf(quote);
        return claims.create(documentId, new ClaimDraft(start, start + quote.length(), "quote", Confidence.HIGH,
                claimant, null, null, quote));
    }

    private List<Map<String, String>> export(String path) {
        HttpResponse<String> response = new HttpApi(port).get(path, "alice", "demo");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.toLowerCase()).startsWith("text/csv").contains("charset=utf-8"));
        List<List<String>> records = StrictCsv.parse(response.body());
        List<String> header = records.getFirst();
        return records.stream().skip(1).map(record -> {
            assertThat(record).hasSameSizeAs(header);
            return IntStream.range(0, header.size()).boxed()
                    .collect(Collectors.toMap(header::get, record::get));
        }).toList();
    }

    private Map<String, String> rowOf(List<Map<String, String>> rows, Claim claim) {
        Map<Long, Map<String, String>> byId = rows.stream()
                .collect(Collectors.toMap(row -> Long.parseLong(row.get("claim_id")), Function.identity()));
        return byId.get(claim.id());
    }

    @Test
    void the_default_export_holds_verified_claims_only_with_every_value_intact() {
        String csv = new HttpApi(port).get("/api/export/claims.csv?documentId=" + documentId, "alice", "demo").body();
        assertThat(csv).startsWith(ExportService.CLAIMS_HEADER + "\r\n");

        List<Map<String, String>> rows = export("/api/export/claims.csv?documentId=" + documentId);

        assertThat(rows).hasSize(1);
        Map<String, String> row = rowOf(rows, verified);
        assertThat(row.get("quote")).isEqualTo(verified.quote());
        assertThat(TEXT.substring(Integer.parseInt(row.get("start_offset")), Integer.parseInt(row.get("end_offset"))))
                .isEqualTo(row.get("quote"));
        assertThat(row.get("document_title")).isEqualTo("Export, \"quoted\"");
        assertThat(row.get("document_url")).isEqualTo("https://news.example/story");
        assertThat(row.get("claimant")).as("neutralised formula").isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(row.get("status")).isEqualTo("VERIFIED");
        assertThat(row.get("rating")).isEqualTo("MOSTLY_TRUE");
        assertThat(row.get("rationale")).isEqualTo("Said, \"twice\".");
        assertThat(row.get("verified_by")).isEqualTo("editor");
        assertThat(row.get("verified_at")).endsWith("Z");
        assertThat(row.get("created_by")).isEqualTo("alice");
        assertThat(row.get("source_count")).isEqualTo("1");
        assertThat(row.get("source_urls")).isEqualTo("https://records.example/" + verified.id());
    }

    @Test
    void other_statuses_come_only_when_asked_for() {
        assertThat(export("/api/export/claims.csv?status=ALL&documentId=" + documentId)).hasSize(2);
        List<Map<String, String>> open = export("/api/export/claims.csv?status=OPEN&documentId=" + documentId);
        assertThat(open).hasSize(1);
        assertThat(open.getFirst().get("quote")).isEqualTo("'-5 units");
        assertThat(export("/api/export/claims.csv?status=OPEN,VERIFIED&documentId=" + documentId)).hasSize(2);
        assertThat(export("/api/export/claims.csv")).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("VERIFIED"));
    }

    @Test
    void filters_narrow_the_export_and_bad_ones_are_refused() {
        assertThat(export("/api/export/claims.csv?documentId=" + documentId + "&rating=FALSE")).isEmpty();
        assertThat(export("/api/export/claims.csv?documentId=" + documentId + "&outlet=Outlet")).hasSize(1);
        assertThat(export("/api/export/claims.csv?documentId=" + documentId + "&verifiedFrom=2000-01-01&verifiedTo=2000-12-31"))
                .isEmpty();
        var api = new HttpApi(port);
        assertThat(api.get("/api/export/claims.csv?status=DONE", "alice", "demo").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/export/claims.csv?verifiedFrom=yesterday", "alice", "demo").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/export/claims.csv", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void the_byte_order_mark_comes_on_request() {
        String body = new HttpApi(port).get("/api/export/claims.csv?bom=true&documentId=" + documentId, "alice", "demo")
                .body();

        assertThat(body).startsWith("\uFEFF" + ExportService.CLAIMS_HEADER);
    }

    @Test
    void the_claim_sources_export_has_a_row_per_link() {
        List<Map<String, String>> links = export("/api/export/claim-sources.csv?documentId=" + documentId);

        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.get("claim_id")).isEqualTo(String.valueOf(verified.id()));
            assertThat(link.get("source_url")).isEqualTo("https://records.example/" + verified.id());
            assertThat(link.get("stance")).isEqualTo("SUPPORTS");
            assertThat(link.get("excerpt")).isEqualTo("no, never");
            assertThat(link.get("kind")).isEqualTo("PRIMARY_DOCUMENT");
        });
    }
}
