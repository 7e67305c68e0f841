package org.factmark.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses API request bodies over 4 MiB before anything reads them (a document's text is at most
 * 2 MiB, escaped in JSON perhaps twice that), so a huge body costs no memory.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

    static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestSizeLimit(ObjectMapper json) {
        var filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                    response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than 4 MiB."));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(filter);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
