package org.factmark.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.factmark.IntegrationTest;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.Confidence;
import org.factmark.common.ConflictException;
import org.factmark.common.InvalidInputException;
import org.factmark.document.DocumentService;
import org.factmark.document.NewDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@IntegrationTest
@WithUserDetails("alice")
class SourceServiceIT {

    @Autowired
    SourceService sources;
    @Autowired
    ClaimService claims;
    @Autowired
    DocumentService documents;

    Claim claim;

    @BeforeEach
    void claim() {
        long documentId = documents.add(new NewDocument("Sources", "The ministry said 12 sites were hit.", null, null,
                null)).id();
        claim = claims.create(documentId, new ClaimDraft(0, 36, "statistic", Confidence.MEDIUM, null, null, null, null));
    }

    @Test
    void the_same_url_written_differently_is_one_source() {
        String path = "/statement-" + claim.id();
        Source first = sources.findOrCreate(NewSource.web("HTTPS://Ministry.Example:443" + path + "#para-3",
                "Statement", "Ministry", SourceKind.OFFICIAL_STATEMENT)).source();
        var second = sources.findOrCreate(NewSource.web("https://ministry.example" + path, "Statement (copy)", null,
                SourceKind.NEWS_REPORT));

        assertThat(first.url()).isEqualTo("https://ministry.example" + path);
        assertThat(second.created()).isFalse();
        assertThat(second.source().id()).isEqualTo(first.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "ftp://example.org/x",
            "https://bob:s3cret@intranet.example/x"})
    void only_http_and_https_sources_are_accepted(String url) {
        assertThatThrownBy(() -> sources.findOrCreate(NewSource.web(url, "Bad", null, SourceKind.OTHER)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_claim_lists_its_sources_with_stance_and_excerpt_and_a_second_link_to_the_same_source_is_refused() {
        Source source = sources.findOrCreate(NewSource.web("https://data.example/sites-" + claim.id(), "Strike data",
                "Data desk", SourceKind.DATASET)).source();

        sources.link(claim.id(), source.id(), Stance.REFUTES, "9 sites");

        assertThat(sources.linksOf(claim.id())).singleElement().satisfies(link -> {
            assertThat(link.source().id()).isEqualTo(source.id());
            assertThat(link.stance()).isEqualTo(Stance.REFUTES);
            assertThat(link.excerpt()).isEqualTo("9 sites");
            assertThat(link.linkedBy()).isEqualTo("alice");
        });
        assertThatThrownBy(() -> sources.link(claim.id(), source.id(), Stance.SUPPORTS, null))
                .isInstanceOf(ConflictException.class);
        assertThat(sources.citationsOf(source.id())).extracting(Citation::claimId, Citation::stance)
                .containsExactly(tuple(claim.id(), Stance.REFUTES));

        sources.unlink(claim.id(), source.id());
        assertThat(sources.linksOf(claim.id())).isEmpty();
    }

    @Test
    void a_passage_of_another_document_is_a_source_too() {
        long wire = documents.add(new NewDocument("Wire original", "The ministry said 12 sites were hit overnight.",
                null, "Wire", null)).id();
        Claim original = claims.create(wire, new ClaimDraft(0, 35, "statistic", Confidence.HIGH, null, null, null,
                null));

        Source passage = sources.findOrCreate(new NewSource(null, wire, original.id(), null, null, null, null, null,
                null)).source();
        sources.link(claim.id(), passage.id(), Stance.CONTEXT, null);

        assertThat(passage.kind()).isEqualTo(SourceKind.FACTMARK_DOCUMENT);
        assertThat(passage.title()).isEqualTo("Wire original");
        assertThat(passage.publisher()).isEqualTo("Wire");
        assertThat(sources.linksOf(claim.id())).extracting(link -> link.source().claimId()).containsExactly(original.id());
    }

    @Test
    void search_finds_sources_by_title_publisher_or_url() {
        sources.findOrCreate(NewSource.web("https://kremlin.example/readout-" + claim.id(), "Readout of the call",
                "Kremlin press office", SourceKind.OFFICIAL_STATEMENT));

        assertThat(sources.search("readout")).extracting(Source::title).contains("Readout of the call");
        assertThat(sources.search("kremlin.example")).extracting(Source::title).contains("Readout of the call");
    }
}
