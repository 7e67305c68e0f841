package org.factmark.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.factmark.api.internal.IdempotencyRepository;
import org.factmark.api.internal.IdempotencyRepository.StoredAnswer;
import org.factmark.common.db.DatabaseUnavailable;
import org.factmark.security.CurrentUser;
import org.factmark.security.FactmarkUser;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.ObjectMapper;

/**
 * A POST sent with an {@code Idempotency-Key} header runs in one transaction together with the row
 * that keeps its answer, so that either both are committed or neither is (docs/decisions/0011). A
 * retry with the same key and request gets the first answer again and creates nothing; the same key
 * with another request is refused (422), and so is the key while its first request still runs (409).
 * The answer leaves only after the commit, so a client never sees 201 for something that was not saved.
 */
@Configuration(proxyBeanMethods = false)
class IdempotentCreation {

    static final String HEADER = "Idempotency-Key";
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> idempotencyKeys(IdempotencyRepository keys,
            TransactionTemplate transactions, ObjectMapper json) {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new Filter(keys, transactions, json));
        registration.addUrlPatterns("/api/*");
        // After Spring Security (it must know the user) and after the size limit.
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    private static final class Filter extends OncePerRequestFilter {

        private final IdempotencyRepository keys;
        private final TransactionTemplate transactions;
        private final ObjectMapper json;

        Filter(IdempotencyRepository keys, TransactionTemplate transactions, ObjectMapper json) {
            this.keys = keys;
            this.transactions = transactions;
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String key = request.getHeader(HEADER);
            FactmarkUser user = CurrentUser.find().orElse(null);
            if (user == null) {
                chain.doFilter(request, response); // Spring Security answers 401
                return;
            }
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                problem(response, HttpStatus.BAD_REQUEST, "An Idempotency-Key is 1 to " + MAX_KEY_LENGTH
                        + " visible ASCII characters, e.g. a UUID.");
                return;
            }
            // Read whole before the transaction starts: a slow client must not hold a connection.
            byte[] body = request.getInputStream().readNBytes((int) RequestSizeLimit.MAX_BODY_BYTES + 1);
            if (body.length > RequestSizeLimit.MAX_BODY_BYTES) {
                problem(response, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than 4 MiB.");
                return;
            }
            byte[] hash = fingerprint(request, body);
            var answer = new ContentCachingResponseWrapper(response);
            Outcome outcome;
            try {
                outcome = transactions.execute(status -> {
                    if (!keys.tryLock(user.id(), key)) {
                        return Outcome.RUNNING;
                    }
                    StoredAnswer stored = keys.find(user.id(), key, LIFETIME).orElse(null);
                    if (stored != null) {
                        return Arrays.equals(stored.requestHash(), hash) ? replay(stored, answer) : Outcome.OTHER_REQUEST;
                    }
                    try {
                        chain.doFilter(new BufferedRequest(request, body), answer);
                    } catch (IOException | ServletException e) {
                        throw new IllegalStateException(e);
                    }
                    if (answer.getStatus() >= 400) {
                        // Nothing is kept of a refused or failed request: a retry runs it again.
                        status.setRollbackOnly();
                        return Outcome.RAN;
                    }
                    keys.store(user.id(), key, new StoredAnswer(hash, answer.getStatus(),
                            answer.getHeader(HttpHeaders.LOCATION), answer.getHeader(HttpHeaders.ETAG),
                            answer.getContentType(), answer.getContentAsByteArray()));
                    return Outcome.RAN;
                });
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e)) {
                    throw e;
                }
                // Whatever the request wrote was not committed, or its commit was not confirmed: in
                // both cases a retry with the same key is safe, and says which.
                response.reset(); // nothing was sent yet: drop the Location and ETag of what may not exist
                response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
                problem(response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
                return;
            }
            switch (Objects.requireNonNull(outcome)) {
                case RUNNING -> problem(response, HttpStatus.CONFLICT,
                        "A request with this Idempotency-Key is still running; wait for its answer, then retry.");
                case OTHER_REQUEST -> problem(response, HttpStatus.UNPROCESSABLE_CONTENT,
                        "This Idempotency-Key was used for a different request; use a new key for a new request.");
                case RAN -> answer.copyBodyToResponse();
            }
        }

        private static Outcome replay(StoredAnswer stored, ContentCachingResponseWrapper answer) {
            answer.setStatus(stored.status());
            if (stored.location() != null) {
                answer.setHeader(HttpHeaders.LOCATION, stored.location());
            }
            if (stored.etag() != null) {
                answer.setHeader(HttpHeaders.ETAG, stored.etag());
            }
            if (stored.contentType() != null) {
                answer.setContentType(stored.contentType());
            }
            answer.setHeader("Idempotent-Replayed", "true");
            try {
                answer.getOutputStream().write(stored.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return Outcome.RAN;
        }

        /** The same request means the same path, query, content type and body. */
        private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
            try {
                var digest = MessageDigest.getInstance("SHA-256");
                digest.update((request.getRequestURI() + "?" + request.getQueryString() + "\n"
                        + request.getContentType() + "\n").getBytes(StandardCharsets.UTF_8));
                return digest.digest(body);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
        }
    }

    private enum Outcome { RAN, RUNNING, OTHER_REQUEST }

    /** The request with its body read already. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
