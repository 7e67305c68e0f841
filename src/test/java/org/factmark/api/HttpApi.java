package org.factmark.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Calls the running application over real HTTP, as an API client would. */
public record HttpApi(int port) {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public HttpResponse<String> get(String path, String username, String password) {
        return send(request(path, username, password).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json, String username, String password) {
        return send(request(path, username, password)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    /** Sends any method with an optional JSON body and extra headers given as name, value pairs. */
    public HttpResponse<String> send(String method, String path, String json, String username, String password,
            String... headers) {
        var builder = request(path, username, password).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    /** True once {@code /actuator/health} answers UP; false while the server is not listening yet. */
    public boolean isUp() {
        try {
            var response = CLIENT.send(request("/actuator/health", null, null).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String path, String username, String password) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (username != null) {
            String credentials = username + ":" + password;
            builder.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("The application did not answer " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
