package org.factmark.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.factmark.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The charting library comes from our own server, once per browser rather than once per dashboard. */
@IntegrationTest
class ChartLibraryIT {

    @LocalServerPort
    int port;

    @Test
    void browsers_may_keep_the_chart_library_for_a_year() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + Chart.LIBRARY)).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(cacheControl -> assertThat(
                cacheControl).contains("max-age=31536000", "immutable").doesNotContain("no-store", "no-cache"));
    }
}
