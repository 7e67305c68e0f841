package org.factmark.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.factmark.common.db.DatabaseUnavailable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.ObjectMapper;

/**
 * Two filter chains, both closed by default: the REST API and the actuator (stateless, HTTP Basic,
 * problem details), and the Vaadin UI (session, login form). Services check roles again with
 * {@code @PreAuthorize}, so a route that slips through still reaches no data.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        // A user lookup that fails because the database is unreachable is no reason to sign in again.
        AuthenticationEntryPoint askForCredentials = (request, response, e) -> {
            if (DatabaseUnavailable.isCause(e)) {
                response.setHeader(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
                writeProblem(response, json, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.DETAIL);
            } else {
                writeProblem(response, json, HttpStatus.UNAUTHORIZED,
                        "Sign in with HTTP Basic authentication (a Factmark username and password).");
            }
        };
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(askForCredentials))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(askForCredentials)
                        .accessDeniedHandler((request, response, e) -> writeProblem(response, json,
                                HttpStatus.FORBIDDEN, "Your account is not allowed to do this.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session and no cookie: there is nothing for a cross-site request to ride on.
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http) throws Exception {
        // Static scripts (our annotator and chart elements, docs/decisions/0005 and 0008, and the
        // charting library) hold code, not data.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/annotator/**", "/charts/**", "/webjars/echarts/**").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("login"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    private static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Factmark\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
