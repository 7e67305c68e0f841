package org.factmark.api;

import java.net.URI;
import java.util.List;
import org.factmark.claim.Claim;
import org.factmark.claim.ClaimChanges;
import org.factmark.claim.ClaimDraft;
import org.factmark.claim.ClaimService;
import org.factmark.claim.ClaimType;
import org.factmark.claim.ClaimTypeService;
import org.factmark.claim.Confidence;
import org.factmark.common.InvalidInputException;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Claims over HTTP. A claim's version travels as its ETag; PATCH and DELETE must send it back in
 * {@code If-Match} (428 without it, 412 when it is stale), so no client overwrites a change it has not seen.
 */
@RestController
class ClaimApi {

    record CreateClaimRequest(Integer start, Integer end, String type, String confidence, String claimant,
            String note, String restatement, String quote) {
    }

    record ChangeClaimRequest(Integer start, Integer end, String quote, String type, String confidence,
            String claimant, String note, String restatement) {
    }

    private final ClaimService claims;
    private final ClaimTypeService types;

    ClaimApi(ClaimService claims, ClaimTypeService types) {
        this.claims = claims;
        this.types = types;
    }

    @PostMapping(path = "/api/documents/{documentId}/claims", consumes = "application/json",
            produces = "application/json")
    ResponseEntity<Claim> create(@PathVariable long documentId, @RequestBody CreateClaimRequest request) {
        if (request.start() == null || request.end() == null) {
            throw new InvalidInputException("A claim needs start and end offsets (UTF-16 code units, end exclusive).");
        }
        Claim created = claims.create(documentId, new ClaimDraft(request.start(), request.end(), request.type(),
                Confidence.parse(request.confidence()), request.claimant(), request.note(), request.restatement(),
                request.quote()));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/claims/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).eTag(etag(created)).body(created);
    }

    @GetMapping(path = "/api/documents/{documentId}/claims", produces = "application/json")
    List<Claim> forDocument(@PathVariable long documentId) {
        return claims.forDocument(documentId);
    }

    @GetMapping(path = "/api/claims/{id}", produces = "application/json")
    ResponseEntity<Claim> get(@PathVariable long id) {
        Claim claim = claims.get(id);
        return ResponseEntity.ok().eTag(etag(claim)).body(claim);
    }

    @PatchMapping(path = "/api/claims/{id}", consumes = {"application/json", "application/merge-patch+json"},
            produces = "application/json")
    ResponseEntity<Claim> change(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ChangeClaimRequest request) {
        Claim changed = claims.update(id, IfMatch.version(ifMatch), new ClaimChanges(request.start(), request.end(),
                request.quote(), request.type(),
                request.confidence() == null ? null : Confidence.parse(request.confidence()),
                request.claimant(), request.note(), request.restatement()));
        return ResponseEntity.ok().eTag(etag(changed)).body(changed);
    }

    @DeleteMapping("/api/claims/{id}")
    ResponseEntity<Void> delete(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        claims.delete(id, IfMatch.version(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/claim-types", produces = "application/json")
    List<ClaimType> claimTypes() {
        return types.all();
    }

    private static String etag(Claim claim) {
        return ETag.create(String.valueOf(claim.version())).formattedTag();
    }
}
