package org.factmark.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.factmark.common.EnumValues;
import org.factmark.claim.ClaimStatus;
import org.factmark.claim.Rating;
import org.factmark.export.ExportFilter;
import org.factmark.export.ExportService;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Exports. The CSV is written straight to the response as the rows arrive from the database. */
@RestController
class ExportApi {

    private final ExportService exports;

    ExportApi(ExportService exports) {
        this.exports = exports;
    }

    /** The query parameters both CSV exports take; bound from the query string by name. */
    record CsvQuery(
            @Parameter(description = "Statuses to export, repeated or comma-separated: OPEN, IN_REVIEW, VERIFIED, "
                    + "REJECTED, or ALL; VERIFIED when absent.") List<String> status,
            Long documentId, @Parameter(description = "A claim type code") String type,
            @Schema(implementation = Rating.class) String rating,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate verifiedFrom,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate verifiedTo, String outlet,
            @Parameter(description = "true starts the file with a byte-order mark, for Excel") Boolean bom) {

        ExportFilter filter() {
            return ExportApi.filter(status, documentId, type, rating, verifiedFrom, verifiedTo, outlet);
        }
    }

    @GetMapping(path = "/api/export/claims.csv", produces = "text/csv")
    @ApiResponse(responseCode = "200", description = "One line per claim",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void claims(@ParameterObject CsvQuery query, HttpServletResponse response) throws IOException {
        stream(query, response, "factmark-claims.csv", exports::writeClaims);
    }

    @GetMapping(path = "/api/export/claim-sources.csv", produces = "text/csv")
    @ApiResponse(responseCode = "200", description = "One line per source a claim cites",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void claimSources(@ParameterObject CsvQuery query, HttpServletResponse response) throws IOException {
        stream(query, response, "factmark-claim-sources.csv", exports::writeClaimSources);
    }

    private void stream(CsvQuery query, HttpServletResponse response, String fileName,
            BiConsumer<ExportFilter, Writer> write) throws IOException {
        ExportFilter filter = query.filter();
        exports.count(filter); // validates before any byte of the CSV leaves, so errors stay problem details
        try (Writer out = csv(response, fileName, Boolean.TRUE.equals(query.bom()))) {
            write.accept(filter, out);
        }
    }

    @GetMapping(path = "/api/export/claimreview.json", produces = {"application/ld+json", "application/json"})
    List<Map<String, Object>> claimReviews(@RequestParam(required = false) Long documentId) {
        return exports.claimReviews(documentId);
    }

    @GetMapping(path = "/api/documents/{documentId}/annotations",
            produces = {"application/ld+json", "application/json"})
    Map<String, Object> annotations(@PathVariable long documentId) {
        return exports.annotations(documentId,
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    }

    /** {@code status} may repeat or be comma-separated; ALL selects every status; absent means VERIFIED. */
    static ExportFilter filter(List<String> status, Long documentId, String type, String rating,
            LocalDate verifiedFrom, LocalDate verifiedTo, String outlet) {
        Set<ClaimStatus> statuses = EnumSet.noneOf(ClaimStatus.class);
        if (status == null || status.isEmpty()) {
            statuses.add(ClaimStatus.VERIFIED);
        } else {
            for (String value : status.stream().flatMap(s -> List.of(s.split(",")).stream()).toList()) {
                if (value.strip().equalsIgnoreCase("ALL")) {
                    statuses.clear();
                    break;
                }
                statuses.add(EnumValues.parse(ClaimStatus.class, value, "status"));
            }
        }
        return new ExportFilter(statuses, documentId, type == null || type.isBlank() ? null : type.strip(),
                rating == null || rating.isBlank() ? null : EnumValues.parse(Rating.class, rating, "rating"),
                verifiedFrom, verifiedTo, outlet == null || outlet.isBlank() ? null : outlet.strip());
    }

    private static Writer csv(HttpServletResponse response, String fileName, boolean bom) throws IOException {
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        // Buffered: a CSV is millions of small writes, and each unbuffered one costs an encoder call.
        var writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        if (bom) {
            // Excel reads UTF-8 only with a byte-order mark.
            writer.write('\uFEFF');
        }
        return writer;
    }
}
