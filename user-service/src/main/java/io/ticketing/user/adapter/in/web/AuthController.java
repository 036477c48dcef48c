package io.ticketing.user.adapter.in.web;

import io.ticketing.platform.web.ProblemResponses;
import io.ticketing.user.application.port.in.LogInCommand;
import io.ticketing.user.application.port.in.LogInUseCase;
import io.ticketing.user.application.port.in.RefreshSessionUseCase;
import io.ticketing.user.application.port.in.SessionTokens;
import io.ticketing.user.domain.model.TooManyLoginAttempts;
import io.ticketing.platform.error.Validation;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login and refresh. Registration and logout arrive as NATS commands (see messaging adapter). */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final LogInUseCase logIn;
    private final RefreshSessionUseCase refresh;

    AuthController(LogInUseCase logIn, RefreshSessionUseCase refresh) {
        this.logIn = logIn;
        this.refresh = refresh;
    }

    record LoginRequest(@Nullable String email, @Nullable String password) {
        @Override
        public String toString() {
            return "LoginRequest[***]";
        }
    }

    record RefreshRequest(@Nullable String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[***]";
        }
    }

    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
        static TokenResponse of(SessionTokens tokens) {
            return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer",
                    tokens.accessTokenLifetime().toSeconds());
        }

        @Override
        public String toString() {
            return "TokenResponse[***]";
        }
    }

    @PostMapping("/login")
    ResponseEntity<TokenResponse> login(@RequestBody LoginRequest request) {
        return tokens(logIn.logIn(LogInCommand.of(request.email(), request.password())));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@RequestBody RefreshRequest request) {
        String token = request.refreshToken();
        new Validation().require(token != null && !token.isBlank(), "refreshToken", "must not be blank")
                .throwIfInvalid();
        return tokens(refresh.refresh(token));
    }

    /** Problem+json like every other refusal, plus the Retry-After header a 429 promises. */
    @ExceptionHandler(TooManyLoginAttempts.class)
    ResponseEntity<ProblemDetail> throttled(TooManyLoginAttempts problem, HttpServletRequest request) {
        return ResponseEntity.status(problem.kind().status())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(problem.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.of(problem, request.getRequestURI()));
    }

    private static ResponseEntity<TokenResponse> tokens(SessionTokens tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TokenResponse.of(tokens));
    }
}
