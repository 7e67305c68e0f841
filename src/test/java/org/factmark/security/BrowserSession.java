package org.factmark.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** What a browser does with the login form and its session cookie, over plain HTTP. */
record BrowserSession(int port, HttpClient client) {

    BrowserSession(int port) {
        this(port, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
    }

    /** A browser on a client address of its own (any of 127.0.0.0/8), so its failed sign-ins hold up no other test. */
    BrowserSession(int port, InetAddress clientAddress) {
        this(port, HttpClient.newBuilder().cookieHandler(new CookieManager()).localAddress(clientAddress).build());
    }

    /** Posts the login form; answers where the browser is sent next: back to the form, or on into the app. */
    String signIn(String username, String password) throws IOException, InterruptedException {
        var response = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                        + encode(password))));
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "");
    }

    HttpResponse<Void> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<Void> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
