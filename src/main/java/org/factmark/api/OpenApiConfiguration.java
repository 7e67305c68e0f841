package org.factmark.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description at /api/openapi. What every operation shares (the problem details it can
 * answer, the headers of its answers) is described here once, from what the operation declares; what
 * only some operations do (201, 204, 403, 409, 422, ETag) is annotated on them. A contract test
 * (OpenApiContractIT) calls every operation and checks each answer against this document
 * (docs/decisions/0014).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String CLAIM_VERSION = "#/components/headers/ClaimVersion";
    private static final String PROBLEM = "#/components/schemas/Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String IDEMPOTENCY_KEY = "#/components/parameters/IdempotencyKey";

    static {
        // A history entry's before and after are any JSON, not a Jackson node's getters.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new Schema<>());
    }

    @Bean
    OpenAPI factmarkOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Factmark API").version("1")
                        .description("Documents, claims and verdicts of a Factmark installation. Errors are RFC 9457 "
                                + "problem details; offsets are UTF-16 code units."))
                .components(new Components()
                        .addSecuritySchemes("basic",
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addHeaders("ClaimVersion", new Header().required(true).schema(string())
                                .description("The claim's version; send it back in If-Match to change or delete it."))
                        .addParameters("IdempotencyKey", new Parameter().in("header").name("Idempotency-Key")
                                .required(false).schema(string()).description("Any unique string, e.g. a UUID. "
                                        + "A retry with the same key answers as the first request did and "
                                        + "creates nothing more.")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** RFC 9457 problem details, as ProblemDetail writes them. */
    private static Schema<?> problem() {
        return new Schema<>().types(Set.of("object"))
                .description("What went wrong (RFC 9457); detail tells the caller what to fix.")
                .addProperty("type", string().format("uri-reference"))
                .addProperty("title", string())
                .addProperty("status", new Schema<>().types(Set.of("integer")).format("int32"))
                .addProperty("detail", string())
                .addProperty("instance", string().format("uri-reference"))
                .required(List.of("title", "status", "detail"));
    }

    private static Schema<?> string() {
        return new Schema<String>().types(Set.of("string"));
    }

    /** Adds to every operation the answers and headers that follow from what it declares. */
    @Bean
    OpenApiCustomizer sharedAnswers() {
        return openApi -> {
            // Here, not in the OpenAPI bean: springdoc replaces the bean's schemas with those it finds.
            openApi.getComponents().addSchemas("Problem", problem());
            openApi.getPaths().values().forEach(path -> path.readOperationsMap()
                    .forEach((method, operation) -> describeShared(method, operation)));
        };
    }

    private static void describeShared(PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean hasBody = operation.getRequestBody() != null;
        ApiResponses responses = operation.getResponses();
        if (!parameters.isEmpty() || hasBody) {
            responses.putIfAbsent("400", error("The request is malformed: a parameter, a header or the body is not "
                    + "what this operation takes."));
        }
        responses.putIfAbsent("401", error("No valid credentials: sign in with HTTP Basic authentication.")
                .addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, new Header().required(true).schema(string())));
        if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
            responses.putIfAbsent("404", error("Nothing with this id (or it was deleted)."));
        }
        parameters.stream().filter(parameter -> "header".equals(parameter.getIn())
                && HttpHeaders.IF_MATCH.equalsIgnoreCase(parameter.getName())).forEach(ifMatch -> {
                    // IfMatch.version refuses a missing header with 428.
                    ifMatch.required(true).description("The claim's ETag from your last read.");
                    responses.putIfAbsent("412", error("The claim changed since the version in If-Match: read it "
                            + "again, then decide."));
                    responses.putIfAbsent("428", error("If-Match is missing."));
                });
        if (hasBody) {
            responses.putIfAbsent("413", error("The request body is too large."));
            responses.putIfAbsent("415", error("The body's Content-Type is not one this operation takes."));
        }
        responses.putIfAbsent("429", error("Too many failed sign-ins: wait as long as Retry-After says.")
                .addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().required(true).schema(string())));
        responses.putIfAbsent("503", error("The database is unavailable: try again later.")
                .addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().required(true).schema(string())));
        boolean creates = method == PathItem.HttpMethod.POST && responses.containsKey("201");
        if (creates) {
            // IdempotentCreation answers these for a key already in use.
            responses.putIfAbsent("409", error("A request with this Idempotency-Key is still running."));
            responses.putIfAbsent("422", error("This Idempotency-Key was used for a different request."));
        }
        responses.forEach((status, response) -> {
            if (status.charAt(0) == '4' || status.charAt(0) == '5') {
                // Also for 403, 409 and 422 annotated on the method: springdoc gives them its return type.
                response.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(
                        new Schema<>().$ref(PROBLEM))));
            }
        });
        if (method == PathItem.HttpMethod.POST) {
            responses.forEach((status, response) -> {
                if (status.charAt(0) == '2') {
                    response.addHeaderObject(HttpHeaders.LOCATION, new Header().required(true)
                            .description("Where the resource created (or found) is.").schema(string().format("uri")));
                }
            });
            if (creates) {
                operation.addParametersItem(new Parameter().$ref(IDEMPOTENCY_KEY));
            }
        }
    }

    private static ApiResponse error(String description) {
        return new ApiResponse().description(description);
    }
}
