package org.factmark.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.factmark.common.EnumValues;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimFilter;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Confidence;
import org.factmark.claim.Rating;
import org.factmark.review.ReviewService;
import org.factmark.source.SourceLink;
import org.factmark.source.SourceService;
import org.factmark.common.InvalidInputException;
import org.factmark.common.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Claims over HTTP. A claim's version travels as its ETag; PATCH and DELETE must send it back in
 * {@code If-Match} (428 without it, 412 when it is stale), so no client overwrites a change it has not seen.
 */
@RestController
class ClaimApi {

    record CreateClaimRequest(Integer start, Integer end, String type,
            @Schema(implementation = Confidence.class) String confidence, @Nullable String claimant,
            @Nullable String note, @Nullable String restatement, @Nullable String quote) {
    }

    record ChangeClaimRequest(@Nullable Integer start, @Nullable Integer end, @Nullable String quote,
            @Nullable String type, @Nullable @Schema(implementation = Confidence.class) String confidence,
            @Nullable String claimant, @Nullable String note, @Nullable String restatement,
            @Nullable @Schema(implementation = ClaimStatus.class) String status,
            @Nullable @Schema(implementation = Rating.class) String rating, @Nullable String rationale) {

        boolean editsAnnotation() {
            return start != null || end != null || quote != null || type != null || confidence != null
                    || claimant != null || note != null || restatement != null;
        }
    }

    /** A claim as the API shows it: with the sources it cites. */
    record ClaimWithSources(@JsonUnwrapped Claim claim, List<SourceLink> sources) {
    }

    record ClaimPage(List<Claim> content, int page, int size, long totalElements, long totalPages) {
    }

    private final ClaimService claims;
    private final ClaimTypeService types;
    private final SourceService sources;
    private final ReviewService reviews;

    ClaimApi(ClaimService claims, ClaimTypeService types, SourceService sources, ReviewService reviews) {
        this.claims = claims;
        this.types = types;
        this.sources = sources;
        this.reviews = reviews;
    }

    @PostMapping(path = "/api/documents/{documentId}/claims", consumes = "application/json",
            produces = "application/json")
    @ApiResponse(responseCode = "201", description = "The claim, created",
            headers = @Header(name = HttpHeaders.ETAG, ref = OpenApiConfiguration.CLAIM_VERSION))
    ResponseEntity<ClaimWithSources> create(@PathVariable long documentId, @RequestBody CreateClaimRequest request) {
        if (request.start() == null || request.end() == null) {
            throw new InvalidInputException("A claim needs start and end offsets (UTF-16 code units, end exclusive).");
        }
        Claim created = claims.create(documentId, new ClaimDraft(request.start(), request.end(), request.type(),
                Confidence.parse(request.confidence()), request.claimant(), request.note(), request.restatement(),
                request.quote()));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/claims/{id}")
                .buildAndExpand(created.id()).toUri();
        // A new claim cites nothing yet: reading that back after the commit could only turn a saved claim into an error.
        return ResponseEntity.created(location).eTag(etag(created)).body(new ClaimWithSources(created, List.of()));
    }

    @GetMapping(path = "/api/documents/{documentId}/claims", produces = "application/json")
    List<Claim> forDocument(@PathVariable long documentId) {
        return claims.forDocument(documentId);
    }

    @GetMapping(path = "/api/claims/{id}", produces = "application/json")
    @ApiResponse(responseCode = "200", description = "The claim",
            headers = @Header(name = HttpHeaders.ETAG, ref = OpenApiConfiguration.CLAIM_VERSION))
    ResponseEntity<ClaimWithSources> get(@PathVariable long id) {
        Claim claim = claims.get(id);
        return ResponseEntity.ok().eTag(etag(claim)).body(new ClaimWithSources(claim, sources.linksOf(claim.id())));
    }

    /** Claims across documents, for the review queue: {@code status=IN_REVIEW} lists the oldest first. */
    @GetMapping(path = "/api/claims", produces = "application/json")
    ClaimPage search(@RequestParam(required = false)
            @Parameter(schema = @Schema(implementation = ClaimStatus.class)) String status,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) Long documentId, @RequestParam(required = false) String author,
            @RequestParam(required = false) String outlet, @RequestParam(required = false) Integer waitingDays,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        ClaimStatus wanted = status == null || status.isBlank() ? null : EnumValues.parse(ClaimStatus.class, status,
                "status");
        var filter = new ClaimFilter(wanted, type, documentId, author, outlet, waitingDays);
        List<Claim> content = claims.search(filter, (long) page * size, size);
        long total = claims.count(filter);
        return new ClaimPage(content, page, size, total, (total + size - 1) / size);
    }

    @PatchMapping(path = "/api/claims/{id}", consumes = {"application/json", "application/merge-patch+json"},
            produces = "application/json")
    @ApiResponse(responseCode = "200", description = "The claim, changed",
            headers = @Header(name = HttpHeaders.ETAG, ref = OpenApiConfiguration.CLAIM_VERSION))
    @ApiResponse(responseCode = "403", description = "Only editors and admins decide, and not on their own claims.")
    @ApiResponse(responseCode = "409", description = "The claim is decided (read-only) or cannot move to this status.")
    @ApiResponse(responseCode = "422", description = "A verdict lacks what it needs (a rating, a rationale, a source).")
    ResponseEntity<ClaimWithSources> change(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ChangeClaimRequest request) {
        int version = versionMatching(id, ifMatch);
        if (request.status() == null && (request.rating() != null || request.rationale() != null)) {
            throw new InvalidInputException("A rating and a rationale come with a decision: send \"status\" "
                    + "VERIFIED or REJECTED with them.");
        }
        // Read before the change commits, so that a failed read can never turn a saved change into an
        // error. Still current afterwards: linking gives the claim a new version, so a link made in
        // between makes this change fail on If-Match.
        List<SourceLink> links = sources.linksOf(id);
        Claim changed = request.status() != null ? changeStatus(id, version, request)
                : claims.update(id, version, new ClaimChanges(request.start(), request.end(), request.quote(),
                        request.type(), request.confidence() == null ? null : Confidence.parse(request.confidence()),
                        request.claimant(), request.note(), request.restatement()));
        return ResponseEntity.ok().eTag(etag(changed)).body(new ClaimWithSources(changed, links));
    }

    /** A status change is a workflow step of its own: sending to review, deciding, or reopening. */
    private Claim changeStatus(long id, int version, ChangeClaimRequest request) {
        if (request.editsAnnotation()) {
            throw new InvalidInputException("Change a claim's status in a request of its own, without other fields "
                    + "than rating and rationale.");
        }
        ClaimStatus status = EnumValues.parse(ClaimStatus.class, request.status(), "status");
        return switch (status) {
            case IN_REVIEW -> reviews.sendToReview(id, version);
            case VERIFIED, REJECTED -> reviews.decide(id, version, status,
                    request.rating() == null ? null : EnumValues.parse(Rating.class, request.rating(), "rating"),
                    request.rationale());
            case OPEN -> reviews.reopen(id, version);
        };
    }

    /**
     * The claim's current version when {@code If-Match} names it; the service checks again as it
     * writes, so a change made in between is still refused.
     */
    private int versionMatching(long id, String ifMatch) {
        IfMatch condition = IfMatch.parse(ifMatch);
        Claim current = claims.get(id);
        if (condition.onlyWeak()) {
            throw new StaleVersionException("If-Match named only weak ETags (W/\"...\"), which never match a "
                    + "change: send the ETag as your last GET gave it, such as \"" + current.version() + "\".");
        }
        if (!condition.matches(current.version())) {
            throw ClaimService.changedMeanwhile(current);
        }
        return current.version();
    }

    @DeleteMapping("/api/claims/{id}")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "409", description = "The claim is decided, so read-only.")
    ResponseEntity<Void> delete(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        claims.delete(id, versionMatching(id, ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/claim-types", produces = "application/json")
    List<ClaimType> claimTypes() {
        return types.all();
    }

    private static String etag(Claim claim) {
        return etag(claim.version());
    }

    /** A claim's version as its ETag; what If-Match sends back. */
    static String etag(int claimVersion) {
        return ETag.create(String.valueOf(claimVersion)).formattedTag();
    }
}
