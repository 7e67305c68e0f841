package org.factmark.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Bounds API request bodies while they stream in, so a huge body costs no memory: one that announces
 * more than the limit is refused before anything reads it, and one sent in chunks (no length given)
 * is refused as soon as the limit is passed, never buffered whole. The limit is on the raw body; what
 * the text may hold is counted after decoding (a document's text is at most 2 MiB of UTF-8).
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    /** A 2 MiB text written wholly in JSON {@code \\uXXXX} escapes, as many libraries do, takes 12 MiB. */
    static final long MAX_BODY_BYTES = 13L * 1024 * 1024;
    static final String TOO_LARGE = "The request body is larger than 13 MiB (a document's text may hold 2 MiB "
            + "of UTF-8, however it is escaped in JSON).";

    /** Thrown by the body's stream once more than the limit has been read; answered with 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super(TOO_LARGE);
        }
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestSizeLimit(ObjectMapper json) {
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                    ProblemResponse.write(response, json, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE);
                    return;
                }
                chain.doFilter(new LimitedRequest(request), response);
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        registration.addUrlPatterns("/api/*");
        // Before every filter that might read the body (after the query string check, which reads none).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream body;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedStream(super.getInputStream());
            }
            return body;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        LimitedStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int bytes) throws BodyTooLarge {
            read += bytes;
            if (read > MAX_BODY_BYTES) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
