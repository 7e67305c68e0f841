package org.factmark.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.factmark.claim.Claim;
import org.factmark.document.Document;
import org.factmark.source.SourceLink;

/**
 * Builds the JSON-LD that leaves Factmark: schema.org ClaimReview for published verdicts, and W3C
 * Web Annotations for other annotation tools. Plain ordered maps, so the output reads in the order
 * the specifications list their terms.
 */
final class LinkedData {

    static final String FACTMARK_NAMESPACE = "https://factmark.org/ns#";

    private LinkedData() {
    }

    static Map<String, Object> claimReview(Claim claim, Document document, List<SourceLink> sources,
            PublishingProperties publisher) {
        var review = object("@context", "https://schema.org", "@type", "ClaimReview");
        review.put("url", publisher.factCheckBaseUrl().replaceAll("/+$", "") + "/" + claim.id());
        review.put("claimReviewed", claim.restatement() != null ? claim.restatement() : claim.quote());
        review.put("datePublished", day(claim.verifiedAt()));
        review.put("author", object("@type", "Organization", "name", publisher.organizationName(), "url",
                publisher.organizationUrl()));
        review.put("reviewRating", object("@type", "Rating", "ratingValue", claim.rating().score(), "bestRating", 5,
                "worstRating", 1, "alternateName", claim.rating().words()));
        var appearance = object("@type", "CreativeWork", "headline", document.title());
        if (document.url() != null) {
            appearance.put("url", document.url());
        }
        if (document.outlet() != null) {
            appearance.put("publisher", object("@type", "Organization", "name", document.outlet()));
        }
        var itemReviewed = object("@type", "Claim");
        if (claim.claimant() != null) {
            itemReviewed.put("author", object("@type", "Person", "name", claim.claimant()));
        }
        itemReviewed.put("appearance", appearance);
        if (document.publishedAt() != null) {
            itemReviewed.put("datePublished", document.publishedAt().toString());
        }
        review.put("itemReviewed", itemReviewed);
        List<Object> citations = new ArrayList<>();
        for (SourceLink link : sources) {
            var citation = object("@type", "CreativeWork", "name", link.source().title());
            if (link.source().url() != null) {
                citation.put("url", link.source().url());
            }
            citations.add(citation);
        }
        review.put("citation", citations);
        review.put("reviewBody", claim.rationale());
        return review;
    }

    /**
     * One claim as a W3C Web Annotation. The model counts positions in Unicode code points, not in
     * UTF-16 code units as Factmark does, so the TextPositionSelector is converted.
     */
    static Map<String, Object> annotation(Claim claim, String text, String documentIri, String claimIri,
            List<SourceLink> sources) {
        var annotation = object("id", claimIri, "type", "Annotation");
        annotation.put("created", claim.createdAt().toString());
        annotation.put("modified", claim.updatedAt().toString());
        annotation.put("creator", object("type", "Person", "nickname", claim.createdBy()));
        List<Object> bodies = new ArrayList<>();
        bodies.add(object("type", "TextualBody", "purpose", "classifying", "value", claim.type()));
        if (claim.rating() != null || claim.rationale() != null) {
            bodies.add(object("type", "TextualBody", "purpose", "assessing", "value",
                    (claim.rating() == null ? "" : claim.rating().words() + ": ")
                            + (claim.rationale() == null ? "" : claim.rationale())));
        }
        for (SourceLink link : sources) {
            String target = link.source().url() != null ? link.source().url()
                    : documentIri.replaceAll("/\\d+$", "/" + link.source().documentId());
            bodies.add(object("type", "SpecificResource", "purpose", "linking", "source", target,
                    "factmark:stance", link.stance().name()));
        }
        annotation.put("body", bodies);
        annotation.put("target", object("source", documentIri, "selector", List.of(
                object("type", "TextQuoteSelector", "exact", claim.quote(), "prefix", claim.prefix(), "suffix",
                        claim.suffix()),
                object("type", "TextPositionSelector", "start", text.codePointCount(0, claim.start()), "end",
                        text.codePointCount(0, claim.end())))));
        annotation.put("factmark:confidence", claim.confidence().name());
        annotation.put("factmark:status", claim.status().name());
        return annotation;
    }

    static Map<String, Object> collection(String iri, String label, List<Map<String, Object>> annotations) {
        var collection = object("@context", List.of("http://www.w3.org/ns/anno.jsonld",
                object("factmark", FACTMARK_NAMESPACE)), "id", iri, "type", "AnnotationCollection");
        collection.put("label", label);
        collection.put("total", annotations.size());
        collection.put("first", object("id", iri + "#page-1", "type", "AnnotationPage", "startIndex", 0, "items",
                annotations));
        return collection;
    }

    private static String day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
