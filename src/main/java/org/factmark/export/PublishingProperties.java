package org.factmark.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who publishes the fact-checks, for ClaimReview: the organisation's name and site, and the base URL
 * under which each published fact-check lives ({@code <factCheckBaseUrl>/<claim id>}), which
 * ClaimReview consumers require.
 */
@ConfigurationProperties("factmark.publishing")
public record PublishingProperties(String organizationName, String organizationUrl, String factCheckBaseUrl) {
}
