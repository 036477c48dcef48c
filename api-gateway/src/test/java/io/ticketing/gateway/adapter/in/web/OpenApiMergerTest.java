package io.ticketing.gateway.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiMergerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String GATEWAY = """
            {"openapi":"3.1.0","info":{"title":"ticketing API","version":"v1","description":"The public API."},
             "servers":[{"url":"/"}],
             "tags":[{"name":"Tickets","description":"the gateway's"}],
             "paths":{"/api/v1/tickets":{"post":{"operationId":"book","tags":["Tickets"],"responses":{"400":{
                        "content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{
               "schemas":{"Problem":{"type":"object","properties":{"errors":{"type":"array"}}},
                          "Money":{"type":"object","properties":{"amount":{"type":"string"}}}},
               "securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}}}}""";

    private static final String TICKET = """
            {"openapi":"3.1.0","info":{"title":"ticket-service","version":"v0"},
             "servers":[{"url":"http://127.0.0.1:8083"}],
             "tags":[{"name":"Tickets","description":"ticket-service's"},{"name":"Ticket reads"}],
             "paths":{"/api/v1/tickets":{
                        "get":{"operationId":"list","tags":["Ticket reads"],"responses":{"404":{"content":{
                          "application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}},
                        "post":{"operationId":"notTheGatewaysBooking"}},
                      "/api/v1/tickets/{id}":{"get":{"operationId":"ticket","responses":{"200":{"content":{
                          "application/json":{"schema":{"$ref":"#/components/schemas/TicketView"}}}}}}}},
             "components":{"schemas":{
               "Problem":{"type":"object","properties":{"title":{"type":"string"}}},
               "Money":{"type":"object","properties":{"amount":{"type":"string"}}},
               "TicketView":{"type":"object","properties":{"price":{"$ref":"#/components/schemas/Money"},
                 "failure":{"$ref":"#/components/schemas/Problem"}}}}}}""";

    @Test
    void operationsOnTheSamePathAreMergedPerMethodTheFirstSpecsWinning() {
        ObjectNode merged = merge(GATEWAY, "ticket", TICKET);

        JsonNode tickets = merged.path("paths").path("/api/v1/tickets");
        assertThat(tickets.propertyNames()).containsExactly("post", "get");
        assertThat(tickets.path("post").path("operationId").asString()).isEqualTo("book");
        assertThat(tickets.path("get").path("operationId").asString()).isEqualTo("list");
        assertThat(merged.path("paths").has("/api/v1/tickets/{id}")).isTrue();
    }

    @Test
    void aSchemaDefinedDifferentlyIsRenamedAfterItsServiceAndItsReferencesFollow() {
        ObjectNode merged = merge(GATEWAY, "ticket", TICKET);

        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.path("Problem").path("properties").has("errors")).as("the gateway's").isTrue();
        assertThat(schemas.path("ticket_Problem").path("properties").has("title")).as("ticket-service's").isTrue();
        assertThat(ref(merged, "/paths/~1api~1v1~1tickets/post/responses/400")).isEqualTo("Problem");
        assertThat(ref(merged, "/paths/~1api~1v1~1tickets/get/responses/404")).isEqualTo("ticket_Problem");
        assertThat(schemas.path("TicketView").path("properties").path("failure").path("$ref").asString())
                .isEqualTo("#/components/schemas/ticket_Problem");
    }

    @Test
    void aSchemaDefinedAlikeIsKeptOnce() {
        ObjectNode merged = merge(GATEWAY, "ticket", TICKET);

        assertThat(merged.path("components").path("schemas").propertyNames())
                .containsExactlyInAnyOrder("Problem", "Money", "ticket_Problem", "TicketView");
        assertThat(merged.path("components").path("schemas").path("TicketView").path("properties").path("price")
                .path("$ref").asString()).isEqualTo("#/components/schemas/Money");
    }

    @Test
    void aSchemaAlikeButForAReferenceToARenamedOneIsRenamedToo() {
        String train = """
                {"paths":{"/api/v1/trains":{"get":{"responses":{"200":{"content":{"application/json":{
                   "schema":{"$ref":"#/components/schemas/Price"}}}}}}}},
                 "components":{"schemas":{"Price":{"$ref":"#/components/schemas/Money"},
                                          "Money":{"type":"number"}}}}""";
        String gateway = """
                {"components":{"schemas":{"Price":{"$ref":"#/components/schemas/Money"},
                                          "Money":{"type":"string"}}}}""";

        ObjectNode merged = merge(gateway, "train", train);

        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.path("train_Price").path("$ref").asString()).isEqualTo("#/components/schemas/train_Money");
        assertThat(schemas.path("Price").path("$ref").asString()).isEqualTo("#/components/schemas/Money");
        assertThat(ref(merged, "/paths/~1api~1v1~1trains/get/responses/200")).isEqualTo("train_Price");
    }

    @Test
    void infoServersAndSecuritySchemesAreTheGatewaysAndTagsAreUnited() {
        ObjectNode merged = merge(GATEWAY, "ticket", TICKET);

        assertThat(merged.path("info").path("title").asString()).isEqualTo("ticketing API");
        assertThat(merged.path("info").path("description").asString()).isEqualTo("The public API.");
        assertThat(merged.path("servers")).hasSize(1);
        assertThat(merged.path("servers").path(0).path("url").asString()).isEqualTo("/");
        assertThat(merged.path("components").path("securitySchemes").propertyNames()).containsExactly("bearer");
        assertThat(merged.path("tags").valueStream().map(tag -> tag.path("description").asString()))
                .containsExactly("the gateway's", "");
        assertThat(merged.path("tags").valueStream().map(tag -> tag.path("name").asString()))
                .containsExactly("Tickets", "Ticket reads");
    }

    @Test
    void theSpecsThatCouldNotBeFetchedAreNamedInTheDescription() {
        Map<String, ObjectNode> specs = new LinkedHashMap<>();
        specs.put("gateway", parse(GATEWAY));

        ObjectNode merged = OpenApiMerger.merge(specs, List.of("user", "notification"));

        assertThat(merged.path("info").path("description").asString()).isEqualTo(
                "The public API.\n\nNot included, as they could not be fetched: user, notification.");
    }

    @Test
    void theSpecsGivenAreLeftAsTheyAre() {
        ObjectNode gateway = parse(GATEWAY);
        ObjectNode ticket = parse(TICKET);
        Map<String, ObjectNode> specs = new LinkedHashMap<>();
        specs.put("gateway", gateway);
        specs.put("ticket", ticket);

        OpenApiMerger.merge(specs, List.of("user"));

        assertThat(gateway).isEqualTo(parse(GATEWAY));
        assertThat(ticket).isEqualTo(parse(TICKET));
    }

    private static ObjectNode merge(String gateway, String serviceName, String service) {
        Map<String, ObjectNode> specs = new LinkedHashMap<>();
        specs.put("gateway", parse(gateway));
        specs.put(serviceName, parse(service));
        return OpenApiMerger.merge(specs, List.of());
    }

    /** The schema name a response's single content refers to. */
    private static String ref(JsonNode spec, String response) {
        JsonNode content = spec.at(response).path("content");
        return content.values().iterator().next().path("schema").path("$ref").asString()
                .substring("#/components/schemas/".length());
    }

    private static ObjectNode parse(String json) {
        return (ObjectNode) JSON.readTree(json);
    }
}
