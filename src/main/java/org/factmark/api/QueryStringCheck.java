package org.factmark.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses an API request whose query string holds a NUL or anything but UTF-8 text, in any
 * parameter, with a 400 naming the parameter. Checked on the raw query string before anything
 * decodes it: Tomcat fails on invalid UTF-8 when parameters are first read, and PostgreSQL fails on
 * a NUL; both used to surface as 500s wherever a parameter reached them.
 */
@Configuration(proxyBeanMethods = false)
class QueryStringCheck {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiQueryStringCheck(ObjectMapper json) {
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                String problem = problemIn(request.getQueryString());
                if (problem != null) {
                    ProblemResponse.write(response, json, HttpStatus.BAD_REQUEST, problem);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** What is wrong with the query string, or null when every name and value is storable text. */
    static String problemIn(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            String shownName = name == null || name.indexOf('\0') >= 0 ? rawName : name;
            if (name == null || value == null) {
                return "The query parameter \"" + shownName + "\" is not UTF-8 text (percent-encode UTF-8 bytes only).";
            }
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                return "The query parameter \"" + shownName + "\" contains a NUL character (%00), which no "
                        + "parameter may hold.";
            }
        }
        return null;
    }

    /** The percent-decoded text ({@code +} is a space), or null when it is not UTF-8. */
    private static String decode(String raw) {
        var bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || !HexFormat.isHexDigit(raw.charAt(i + 1))
                        || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                    return null;
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Already decoded by the container as it read the request line: keep it as text.
                int codePoint = raw.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
