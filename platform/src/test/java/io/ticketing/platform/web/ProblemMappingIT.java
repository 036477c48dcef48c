package io.ticketing.platform.web;

import java.net.URI;
import java.util.UUID;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every error a servlet service can produce comes out as RFC 9457 problem+json with the documented status. */
@SpringBootTest(classes = ProblemMappingIT.ProbeApplication.class, properties = {
        "spring.autoconfigure.exclude=io.ticketing.platform.messaging.NatsAutoConfiguration,"
                + "io.ticketing.platform.outbox.MessagingPersistenceAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "ticketing.security.public-paths=/probe/**",
        "ticketing.http.max-body=1KB"})
@AutoConfigureMockMvc
class ProblemMappingIT {

    @Autowired
    MockMvc mvc;

    @SpringBootApplication
    @Import(ProbeController.class)
    static class ProbeApplication {
    }

    record Payload(@NotBlank String name, @Size(max = 3) String code) {
    }

    @RestController
    static class ProbeController {
        @GetMapping("/probe/problem/{kind}")
        String problem(@PathVariable ProblemKind kind) {
            throw new DomainProblem(kind, "SOME_CODE", "probe " + kind);
        }

        @GetMapping("/probe/uuid/{id}")
        String uuid(@PathVariable UUID id) {
            return id.toString();
        }

        @PostMapping(value = "/probe/body", consumes = MediaType.APPLICATION_JSON_VALUE)
        String body(@Valid @RequestBody Payload payload) {
            return payload.name();
        }

        @GetMapping("/probe/invalid")
        String invalid() {
            throw DomainProblem.invalid("seatClass", "must be FIRST or SECOND");
        }

        @GetMapping("/probe/database-down")
        String databaseDown() {
            throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                    new java.sql.SQLTransientConnectionException("Connection is not available, request timed out"));
        }

        @GetMapping("/probe/bug")
        String bug() {
            throw new IllegalStateException("a bug with a secret detail");
        }

        @GetMapping("/secured")
        String secured() {
            return "ok";
        }
    }

    private static void isProblem(ResultActions result, int status) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.type").isNotEmpty())
                .andExpect(jsonPath("$.title").isNotEmpty());
    }

    @Test
    void domainProblemsKeepTheirStatusAndCode() throws Exception {
        for (ProblemKind kind : ProblemKind.values()) {
            ResultActions result = mvc.perform(get("/probe/problem/" + kind));
            isProblem(result, kind.status());
            result.andExpect(jsonPath("$.detail").value("probe " + kind))
                    .andExpect(jsonPath("$.code").value("SOME_CODE"))
                    .andExpect(jsonPath("$.type").value("urn:problem:ticketing:some-code"))
                    .andExpect(jsonPath("$.instance").value("/probe/problem/" + kind));
        }
    }

    @Test
    void fieldViolationsAreListed() throws Exception {
        isProblem(mvc.perform(get("/probe/invalid")), 400);
        mvc.perform(get("/probe/invalid")).andExpect(jsonPath("$.errors[0].field").value("seatClass"));
        ResultActions bean = mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\",\"code\":\"TOOLONG\"}"));
        isProblem(bean, 400);
        bean.andExpect(jsonPath("$.errors.length()").value(2));
    }

    @Test
    void unreadableBodiesWrongTypesAndMediaTypes() throws Exception {
        isProblem(mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON).content("{\"name\":")), 400);
        isProblem(mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":{\"a\":1}}")), 400);
        isProblem(mvc.perform(get("/probe/uuid/not-a-uuid")), 400);
        isProblem(mvc.perform(post("/probe/body").contentType(MediaType.TEXT_PLAIN).content("x")), 415);
        isProblem(mvc.perform(put("/probe/body").contentType(MediaType.APPLICATION_JSON).content("{}")), 405);
        isProblem(mvc.perform(get("/probe/nothing-here")), 404);
    }

    @Test
    void theNulCharacterIsRefusedInBodiesAndQueries() throws Exception {
        ResultActions body = mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"a\\u0000b\"}"));
        isProblem(body, 400);
        body.andExpect(jsonPath("$.errors[0].field").value("name"));
        isProblem(mvc.perform(get(URI.create("/probe/uuid/" + UUID.randomUUID() + "?q=a%00b"))), 400);
        mvc.perform(get(URI.create("/probe/uuid/" + UUID.randomUUID() + "?q=100%25"))).andExpect(status().isOk());

    }

    @Test
    void anUnavailableDatabaseIs503WithRetryAfterNotABug() throws Exception {
        ResultActions down = mvc.perform(get("/probe/database-down"));
        isProblem(down, 503);
        down.andExpect(header().string("Retry-After", "5"));
    }

    @Test
    void oversizedBodiesAreRefusedBeforeBeingRead() throws Exception {
        isProblem(mvc.perform(post("/probe/body").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + "x".repeat(2000) + "\"}")), 413);
    }

    @Test
    void missingTokenIs401AndBugsAre500WithoutDetails() throws Exception {
        isProblem(mvc.perform(get("/secured")), 401);
        ResultActions bug = mvc.perform(get("/probe/bug"));
        isProblem(bug, 500);
        bug.andExpect(jsonPath("$.detail").value("An unexpected error occurred"));
    }
}
