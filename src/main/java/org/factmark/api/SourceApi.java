package org.factmark.api;

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
import org.springframework.http.HttpStatus;
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

    record SourceRequest(String url, Long documentId, Long claimId, String title, String publisher, String kind,
            LocalDate accessedOn, String archiveUrl, String note) {

        NewSource toNewSource() {
            return new NewSource(url, documentId, claimId, title, publisher, kind == null ? null : EnumValues.parse(SourceKind.class,
                    kind, "kind"), accessedOn, archiveUrl, note);
        }
    }

    record LinkRequest(Long sourceId, String url, Long documentId, Long claimId, String title, String publisher,
            String kind, LocalDate accessedOn, String archiveUrl, String note, String stance, String excerpt) {
    }

    private final SourceService sources;

    SourceApi(SourceService sources) {
        this.sources = sources;
    }

    /** 201 for a new source; 200 with the existing one when the URL (or passage) is already known. */
    @PostMapping(path = "/api/sources", consumes = "application/json", produces = "application/json")
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

    @PostMapping(path = "/api/claims/{claimId}/sources", consumes = "application/json", produces = "application/json")
    ResponseEntity<SourceLink> link(@PathVariable long claimId, @RequestBody LinkRequest request) {
        long sourceId = request.sourceId() != null ? request.sourceId()
                : sources.findOrCreate(new SourceRequest(request.url(), request.documentId(), request.claimId(),
                        request.title(), request.publisher(), request.kind(), request.accessedOn(), request.archiveUrl(),
                        request.note()).toNewSource()).source().id();
        Stance stance = request.stance() == null ? null : EnumValues.parse(Stance.class, request.stance(), "stance");
        return ResponseEntity.status(HttpStatus.CREATED).body(sources.link(claimId, sourceId, stance, request.excerpt()));
    }

    @DeleteMapping("/api/claims/{claimId}/sources/{sourceId}")
    ResponseEntity<Void> unlink(@PathVariable long claimId, @PathVariable long sourceId) {
        sources.unlink(claimId, sourceId);
        return ResponseEntity.noContent().build();
    }
}
