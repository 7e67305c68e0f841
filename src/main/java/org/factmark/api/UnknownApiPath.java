package org.factmark.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.factmark.common.NotFoundException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers what no endpoint does, as a problem detail: 404 for a path that no endpoint serves, 405,
 * 415 or 406 for a path that one does, but not with this method or media type. Without it such
 * requests would fall through to the Vaadin servlet, which serves the UI for every other path.
 */
@Hidden // not an endpoint: what answers when none does
@RestController
class UnknownApiPath {

    private final RequestMappingHandlerMapping mappings;

    UnknownApiPath(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    void unmatched(HttpServletRequest request) throws Exception {
        Set<RequestMethod> allowed = EnumSet.noneOf(RequestMethod.class);
        boolean methodMatched = false;
        boolean contentTypeMatched = false;
        for (RequestMappingInfo endpoint : mappings.getHandlerMethods().keySet()) {
            if (endpoint.getPathPatternsCondition() == null || isThisCatchAll(endpoint)
                    || endpoint.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            allowed.addAll(endpoint.getMethodsCondition().getMethods());
            if (endpoint.getMethodsCondition().getMatchingCondition(request) != null) {
                methodMatched = true;
                contentTypeMatched |= endpoint.getConsumesCondition().getMatchingCondition(request) != null;
            }
        }
        if (allowed.isEmpty()) {
            throw new NotFoundException("There is no API endpoint at " + request.getRequestURI()
                    + "; the OpenAPI description at /api/openapi lists them.");
        }
        if (!methodMatched) {
            throw new HttpRequestMethodNotSupportedException(request.getMethod(),
                    allowed.stream().map(RequestMethod::name).toList());
        }
        if (!contentTypeMatched) {
            throw new HttpMediaTypeNotSupportedException(
                    request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType()),
                    List.of(MediaType.APPLICATION_JSON), HttpMethod.valueOf(request.getMethod()));
        }
        throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
    }

    private static boolean isThisCatchAll(RequestMappingInfo endpoint) {
        return endpoint.getPathPatternsCondition().getPatternValues().contains("/api/**");
    }
}
