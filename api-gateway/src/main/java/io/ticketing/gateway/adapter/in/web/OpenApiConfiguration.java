package io.ticketing.gateway.adapter.in.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own spec (its command endpoints) at {@code /v3/api-docs/gateway}, listed in Swagger UI next to every
 * service's spec as routed through the gateway ({@code /v3/api-docs/<service>}, see application.yml). Its info,
 * server and security scheme are also those of the merged document at {@code /v3/api-docs}
 * ({@link MergedApiDocsController}), so they speak for the whole API; the server is the gateway whichever address
 * the spec was fetched at. Every command endpoint documents the errors the gateway itself may answer, all in the
 * same problem+json shape.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM = "Problem";
    private static final Map<String, String> GATEWAY_ERRORS = Map.of(
            "400", "Invalid input: malformed JSON, wrong types, failed validation (errors[] names the fields)",
            "401", "No valid bearer token",
            "403", "Your role does not allow this",
            "413", "Body larger than 64 KiB",
            "415", "Body is not application/json",
            "429", "Rate limited; see Retry-After",
            "503", "The owning service or the broker did not answer; see Retry-After");

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("ticketing API").version("v1").description(
                        "The public API, through the gateway. /v3/api-docs has all of it; /v3/api-docs/gateway only "
                                + "the commands the gateway turns into NATS messages, /v3/api-docs/<service> only "
                                + "that service's endpoints."))
                .servers(List.of(new Server().url("/").description("API gateway")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperations()
                    .forEach(operation -> documentErrors(path, operation)));
        };
    }

    private static void documentErrors(String path, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        GATEWAY_ERRORS.forEach((status, description) -> {
            if (!responses.containsKey(status) && applies(path, operation, status)) {
                responses.addApiResponse(status, problem(description));
            }
        });
        responses.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        operation.setResponses(responses);
        if (!path.equals("/api/v1/auth/register")) {
            operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
        }
    }

    private static boolean applies(String path, Operation operation, String status) {
        boolean anonymous = path.equals("/api/v1/auth/register");
        boolean hasBody = operation.getRequestBody() != null;
        return switch (status) {
            case "401", "403" -> !anonymous;
            case "413", "415" -> hasBody;
            default -> true;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        return new Content().addMediaType("application/problem+json",
                new io.swagger.v3.oas.models.media.MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema());
        error.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().format("uri").example("urn:problem:ticketing:invalid-input"));
        problem.addProperty("title", new StringSchema().example("Invalid input"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().example("/api/v1/cities"));
        problem.addProperty("errors", new ArraySchema().items(error));
        return problem;
    }
}
