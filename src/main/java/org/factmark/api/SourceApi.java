package org.factmark.api;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.factmark.common.EnumValues;
import org.factmark.source.NewSource;
import org.factmark.source.Source;
import org.factmark.source.SourceKind;
import org.factmark.source.SourceLink;
import org.factmark.source.SourceService;
import org.factmark.source.Stance;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Sources and the links between claims and the sources they cite. */
@RestController
class SourceApi {

    /** A web page ({@code url}, with a {@code title}) or a passage of a Factmark document ({@code documentId}). */
    record SourceRequest(@Nullable String url, @Nullable Long documentId, @Nullable Long claimId,
            @Nullable String title, @Nullable String publisher,
            @Nullable @Schema(implementation = SourceKind.class) String kind, @Nullable LocalDate accessedOn,
            @Nullable String archiveUrl, @Nullable String note) {

        NewSource toNewSource() {
            return new NewSource(url, documentId, claimId, title, publisher, kind == null ? null : EnumValues.parse(SourceKind.class,
                    kind, "kind"), accessedOn, archiveUrl, note);
        }
    }

    /** An existing source ({@code sourceId}) or a new one (as in {@link SourceRequest}), and how the claim cites it. */
    record LinkRequest(@Nullable Long sourceId, @Nullable String url, @Nullable Long documentId,
            @Nullable Long claimId, @Nullable String title, @Nullable String publisher,
            @Nullable @Schema(implementation = SourceKind.class) String kind, @Nullable LocalDate accessedOn,
            @Nullable String archiveUrl, @Nullable String note, @Schema(implementation = Stance.class) String stance,
            @Nullable String excerpt) {
    }

    private final SourceService sources;

    SourceApi(SourceService sources) {
        this.sources = sources;
    }

    /** 201 for a new source; 200 with the existing one when the URL (or passage) is already known. */
    @PostMapping(path = "/api/sources", consumes = "application/json", produces = "application/json")
    @ApiResponse(responseCode = "201", description = "The source, added")
    @ApiResponse(responseCode = "200", description = "The source already known by this URL or passage")
    @ApiResponse(responseCode = "404", description = "There is no such document or claim to cite.")
    ResponseEntity<Source> create(@RequestBody SourceRequest request) {
        SourceService.Outcome outcome = sources.findOrCreate(request.toNewSource());
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/sources/{id}")
                .buildAndExpand(outcome.source().id()).toUri();
        return outcome.created() ? ResponseEntity.created(location).body(outcome.source())
                : ResponseEntity.ok().location(location).body(outcome.source());
    }

    @GetMapping(path = "/api/sources", produces = "application/json")
    List<Source> search(@RequestParam(required = false) String q) {
        return sources.search(q);
    }

    @GetMapping(path = "/api/sources/{id}", produces = "application/json")
    Source get(@PathVariable long id) {
        return sources.get(id);
    }

    /** Answers the link's own URL and the claim's new ETag: linking changes the claim's version. */
    @PostMapping(path = "/api/claims/{claimId}/sources", consumes = "application/json", produces = "application/json")
    @ApiResponse(responseCode = "201", description = "The link, created",
            headers = @Header(name = HttpHeaders.ETAG, ref = OpenApiConfiguration.CLAIM_VERSION))
    @ApiResponse(responseCode = "409", description = "The claim already cites this source, or is decided.")
    ResponseEntity<SourceLink> link(@PathVariable long claimId, @RequestBody LinkRequest request) {
        long sourceId = request.sourceId() != null ? request.sourceId()
                : sources.findOrCreate(new SourceRequest(request.url(), request.documentId(), request.claimId(),
                        request.title(), request.publisher(), request.kind(), request.accessedOn(), request.archiveUrl(),
                        request.note()).toNewSource()).source().id();
        Stance stance = request.stance() == null ? null : EnumValues.parse(Stance.class, request.stance(), "stance");
        SourceService.Linked linked = sources.link(claimId, sourceId, stance, request.excerpt());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{sourceId}").buildAndExpand(sourceId)
                .toUri();
        return ResponseEntity.created(location).eTag(ClaimApi.etag(linked.claimVersion())).body(linked.link());
    }

    @GetMapping(path = "/api/claims/{claimId}/sources/{sourceId}", produces = "application/json")
    SourceLink getLink(@PathVariable long claimId, @PathVariable long sourceId) {
        return sources.linkOf(claimId, sourceId);
    }

    @DeleteMapping("/api/claims/{claimId}/sources/{sourceId}")
    @ApiResponse(responseCode = "204", description = "Unlinked")
    @ApiResponse(responseCode = "409", description = "The claim is decided; an editor has to reopen it first.")
    ResponseEntity<Void> unlink(@PathVariable long claimId, @PathVariable long sourceId) {
        sources.unlink(claimId, sourceId);
        return ResponseEntity.noContent().build();
    }
}
