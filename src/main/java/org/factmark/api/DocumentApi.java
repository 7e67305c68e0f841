package org.factmark.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.factmark.document.Document;
import org.factmark.document.DocumentService;
import org.factmark.document.DocumentWithText;
import org.factmark.document.NewDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Documents over HTTP. Thin on purpose: {@link DocumentService} validates and checks access. */
@RestController
@RequestMapping(path = "/api/documents", produces = "application/json")
class DocumentApi {

    record CreateDocumentRequest(String title, String text, @Nullable String url, @Nullable String outlet,
            @Nullable LocalDate publishedAt) {
    }

    record DocumentPage(List<Document> content, int page, int size, long totalElements, long totalPages) {
    }

    private final DocumentService documents;

    DocumentApi(DocumentService documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = "application/json")
    @ApiResponse(responseCode = "201", description = "The document, added")
    ResponseEntity<Document> create(@RequestBody CreateDocumentRequest request) {
        Document created = documents.add(new NewDocument(request.title(), request.text(), request.url(),
                request.outlet(), request.publishedAt()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id())
                .toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/{id}")
    DocumentWithText get(@PathVariable long id) {
        return documents.getWithText(id);
    }

    @GetMapping
    DocumentPage list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        List<Document> content = documents.search(q, (long) page * size, size);
        long total = documents.count(q);
        return new DocumentPage(content, page, size, total, (total + size - 1) / size);
    }
}
