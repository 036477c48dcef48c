package io.ticketing.gateway.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticketing.platform.messaging.Subjects;
import io.ticketing.proto.commands.v1.LogoutUser;
import io.ticketing.proto.commands.v1.RegisterUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Accounts", description = "Commands to user-service (login and refresh are routed to it directly)")
class AccountCommandController {

    record RegisterRequest(@NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 10, max = 200) String password,
            @NotBlank @Size(max = 200) String fullName) {
    }

    record LogoutRequest(@NotBlank @Size(max = 4096) String refreshToken) {
    }

    private final RequestReply commands;

    AccountCommandController(RequestReply commands) {
        this.commands = commands;
    }

    @Operation(summary = "Create an account (anyone)")
    @ApiResponse(responseCode = "201", description = "The account {id, email, fullName, roles}")
    @ApiResponse(responseCode = "409", description = "The e-mail is taken")
    @PostMapping(path = "/api/v1/auth/register", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<byte[]>> register(@Valid @RequestBody RegisterRequest body, ServerWebExchange exchange) {
        RegisterUser command = RegisterUser.newBuilder().setEmail(body.email().trim()).setPassword(body.password())
                .setFullName(body.fullName().trim()).build();
        // the new account is read back, once logged in, at /users/me
        return commands.created(Subjects.request("user", RegisterUser.class), command, exchange,
                id -> "/api/v1/users/me");
    }

    @Operation(summary = "Revoke a refresh token (USER)")
    @ApiResponse(responseCode = "204", description = "The refresh token no longer works")
    @PostMapping(path = "/api/v1/auth/logout", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> logout(@Valid @RequestBody LogoutRequest body, ServerWebExchange exchange) {
        return commands.noContent(Subjects.request("user", LogoutUser.class),
                LogoutUser.newBuilder().setRefreshToken(body.refreshToken()).build(), exchange);
    }
}
