package org.factmark.api;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.List;
import org.factmark.review.Comment;
import org.factmark.review.HistoryEntry;
import org.factmark.review.ReviewService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A claim's discussion and its history. */
@RestController
class ReviewApi {

    record CommentRequest(String text) {
    }

    private final ReviewService reviews;

    ReviewApi(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping(path = "/api/claims/{id}/history", produces = "application/json")
    List<HistoryEntry> history(@PathVariable long id) {
        return reviews.history(id);
    }

    @GetMapping(path = "/api/claims/{id}/comments", produces = "application/json")
    List<Comment> comments(@PathVariable long id) {
        return reviews.comments(id);
    }

    @PostMapping(path = "/api/claims/{id}/comments", consumes = "application/json", produces = "application/json")
    @ApiResponse(responseCode = "201", description = "The comment, added")
    ResponseEntity<Comment> comment(@PathVariable long id, @RequestBody CommentRequest request) {
        Comment comment = reviews.comment(id, request.text());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{commentId}")
                .buildAndExpand(comment.id()).toUri();
        return ResponseEntity.created(location).body(comment);
    }

    @GetMapping(path = "/api/claims/{id}/comments/{commentId}", produces = "application/json")
    Comment comment(@PathVariable long id, @PathVariable long commentId) {
        return reviews.comment(id, commentId);
    }
}
