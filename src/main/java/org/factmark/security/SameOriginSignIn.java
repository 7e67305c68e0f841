package org.factmark.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login CSRF: Vaadin exempts its login form's POST to /login from the CSRF token (the form carries
 * none), so another site could sign a visitor in to an account of its own. Browsers say where a
 * POST comes from (Sec-Fetch-Site, Origin); a sign-in from another origin is refused.
 */
class SameOriginSignIn extends OncePerRequestFilter {

    private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.POST, "/login");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SIGN_IN.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromAnotherOrigin(request)) {
            // Not sendError: the error page it dispatches to would redirect to the login page.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=utf-8");
            response.getWriter().write("Sign in on Factmark's own sign-in page.");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean fromAnotherOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            // Not a browser that would carry a forged form: nothing to protect here.
            return false;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority == null || !authority.equalsIgnoreCase(request.getHeader("Host"));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
