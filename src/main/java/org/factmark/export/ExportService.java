package org.factmark.export;

import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimFilter;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimStatus;
import org.factmark.document.Document;
import org.factmark.document.DocumentService;
import org.factmark.source.SourceService;
import org.factmark.common.InvalidInputException;
import org.factmark.export.internal.ExportRepository;
import org.factmark.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Claims leave Factmark here: streamed as CSV whatever their number, and as ClaimReview and Web Annotations. */
@Service
public class ExportService {

    public static final String CLAIMS_HEADER = "claim_id,document_id,document_title,document_url,outlet,quote,"
            + "start_offset,end_offset,claim_type,confidence,claimant,restatement,status,rating,rationale,created_by,"
            + "created_at,verified_by,verified_at,source_count,source_urls";
    public static final String LINKS_HEADER = "claim_id,source_url,source_title,publisher,kind,stance,excerpt";

    private final ExportRepository exports;
    private final ClaimService claims;
    private final DocumentService documents;
    private final SourceService sources;
    private final PublishingProperties publisher;

    ExportService(ExportRepository exports, ClaimService claims, DocumentService documents, SourceService sources,
            PublishingProperties publisher) {
        this.exports = exports;
        this.claims = claims;
        this.documents = documents;
        this.sources = sources;
        this.publisher = publisher;
    }

    /** A schema.org ClaimReview for every verified claim (of one document, when given). */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public List<Map<String, Object>> claimReviews(Long documentId) {
        List<Map<String, Object>> reviews = new ArrayList<>();
        Map<Long, Document> documentsById = new HashMap<>();
        long offset = 0;
        List<Claim> page;
        do {
            page = claims.search(new ClaimFilter(ClaimStatus.VERIFIED, null, documentId, null, null, null), offset,
                    ClaimService.MAX_PAGE_SIZE);
            for (Claim claim : page) {
                Document document = documentsById.computeIfAbsent(claim.documentId(), documents::get);
                reviews.add(LinkedData.claimReview(claim, document, sources.linksOf(claim.id()), publisher));
            }
            offset += page.size();
        } while (page.size() == ClaimService.MAX_PAGE_SIZE);
        return reviews;
    }

    /** A document's claims as a W3C Web Annotation collection; {@code baseUrl} makes the IRIs absolute. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public Map<String, Object> annotations(long documentId, String baseUrl) {
        Document document = documents.get(documentId);
        String text = documents.text(documentId);
        String documentIri = baseUrl + "/api/documents/" + documentId;
        List<Map<String, Object>> annotations = claims.forDocument(documentId).stream()
                .map(claim -> LinkedData.annotation(claim, text, documentIri, baseUrl + "/api/claims/" + claim.id(),
                        sources.linksOf(claim.id())))
                .toList();
        return LinkedData.collection(documentIri + "/annotations", document.title(), annotations);
    }

    /** How many claims the filter selects, for the export view. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public long count(ExportFilter filter) {
        return exports.count(checked(filter));
    }

    /** One row per claim; the read-only transaction lets PostgreSQL stream the rows through a cursor. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public void writeClaims(ExportFilter filter, Writer out) {
        var csv = new CsvWriter(out);
        csv.row((Object[]) CLAIMS_HEADER.split(","));
        exports.claims(checked(filter), rs -> csv.row(rs.getLong("id"), rs.getLong("document_id"),
                rs.getString("title"), rs.getString("document_url"), rs.getString("outlet"), rs.getString("quote"),
                rs.getInt("start_offset"), rs.getInt("end_offset"), rs.getString("type_code"),
                rs.getString("confidence"), rs.getString("claimant"), rs.getString("restatement"),
                rs.getString("status"), rs.getString("rating"), rs.getString("rationale"), rs.getString("created_by"),
                ExportRepository.utc(rs, "created_at"), rs.getString("verified_by"),
                ExportRepository.utc(rs, "decided_at"), rs.getInt("source_count"), rs.getString("source_urls")));
    }

    /** One row per link between a claim and a source, under the same filter as the claims. */
    @PreAuthorize(Access.ANY_ROLE)
    @Transactional(readOnly = true)
    public void writeClaimSources(ExportFilter filter, Writer out) {
        var csv = new CsvWriter(out);
        csv.row((Object[]) LINKS_HEADER.split(","));
        exports.links(checked(filter), rs -> csv.row(rs.getLong("id"),
                rs.getString("url") != null ? rs.getString("url")
                        : "factmark:document/" + rs.getLong("source_document_id")
                                + (rs.getObject("source_claim_id") == null ? "" : "#claim-" + rs.getLong("source_claim_id")),
                rs.getString("title"), rs.getString("publisher"), rs.getString("kind"), rs.getString("stance"),
                rs.getString("excerpt")));
    }

    private static ExportFilter checked(ExportFilter filter) {
        if (filter.verifiedFrom() != null && filter.verifiedTo() != null
                && filter.verifiedTo().isBefore(filter.verifiedFrom())) {
            throw new InvalidInputException("verifiedTo lies before verifiedFrom.");
        }
        return filter;
    }
}
