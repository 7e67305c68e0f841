package org.factmark.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.factmark.common.db.DatabaseUnavailable;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.Pointcuts;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
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

    /**
     * The least that Vaadin works under, tried in Chromium: without 'unsafe-eval' its client does not
     * start (executeJs), without 'unsafe-inline' its bootstrap page's inline scripts are blocked, and its
     * components inject styles. Everything else is closed: this origin only, no plugins, no framing,
     * forms post only here (docs/decisions/0013).
     */
    private static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** JSON is never a page: nothing in it may load or run, nor be framed. */
    private static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

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
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(refusingThrottledSignIns(askForCredentials, json)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(askForCredentials)
                        .accessDeniedHandler((request, response, e) -> writeProblem(response, json,
                                HttpStatus.FORBIDDEN, "Your account is not allowed to do this.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No session and no cookie: there is nothing for a cross-site request to ride on.
                .csrf(csrf -> csrf.disable());
        securityHeaders(http, API_CONTENT_SECURITY_POLICY);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, SignedInAccounts accounts) throws Exception {
        // Static scripts (our annotator and chart elements, docs/decisions/0005 and 0008, and the
        // charting library) hold code, not data.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/annotator/**", "/charts/**", "/webjars/echarts/**").permitAll());
        // An address that is no view reaches Vaadin once signed in, which answers with its own Not found
        // page (views are still checked one by one); before that, it asks to sign in (docs/decisions/0019).
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView("login")
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        http.addFilterAfter(accounts.filter(), SecurityContextHolderFilter.class);
        http.addFilterBefore(new SameOriginSignIn(), UsernamePasswordAuthenticationFilter.class);
        securityHeaders(http, UI_CONTENT_SECURITY_POLICY);
        return http.build();
    }

    /**
     * Before each service's {@code @PreAuthorize} check, the session's roles are brought up to date,
     * so that a demoted or disabled user's open browser tab can do no more than the account may now.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor currentRolesBeforeMethodSecurity(ObjectProvider<SignedInAccounts> accounts) {
        var advisor = new DefaultPointcutAdvisor(
                Pointcuts.union(AnnotationMatchingPointcut.forMethodAnnotation(PreAuthorize.class),
                        AnnotationMatchingPointcut.forClassAnnotation(PreAuthorize.class)),
                (MethodInterceptor) invocation -> {
                    accounts.getObject().refreshContext();
                    return invocation.proceed();
                });
        advisor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() - 1);
        return advisor;
    }

    /** nosniff, X-Frame-Options and cache control are Spring Security's defaults; these come on top. */
    private static void securityHeaders(HttpSecurity http, String contentSecurityPolicy) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                // Document and claim addresses are nobody else's business.
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                // Before the request goes on: Vaadin writes its bootstrap page past a lazy header writer.
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <F extends HeaderWriterFilter> F postProcess(F filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
    }

    /** HTTP Basic: a sign-in refused by {@link LoginThrottle} answers 429 with Retry-After. */
    private static AuthenticationEntryPoint refusingThrottledSignIns(AuthenticationEntryPoint otherwise,
            ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
                writeProblem(response, json, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins for this "
                        + "account or from your address. Try again in " + throttled.retryAfterInWords() + ".");
            } else {
                otherwise.commence(request, response, e);
            }
        };
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
