package io.ticketing.platform.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The verified caller of the current HTTP request. */
public record CurrentUser(UUID id, Set<String> roles) {

    public static final String ADMIN = "ADMIN";
    public static final String USER = "USER";

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    /** The caller; 401 when the request carries no valid token. */
    public static CurrentUser require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            // only ROLE_ authorities are roles; Spring Security adds others (e.g. FACTOR_BEARER)
            Set<String> roles = jwt.getAuthorities().stream()
                    .map(a -> a.getAuthority())
                    .filter(a -> a != null && a.startsWith("ROLE_"))
                    .map(a -> a.substring("ROLE_".length()))
                    .collect(Collectors.toUnmodifiableSet());
            try {
                return new CurrentUser(UUID.fromString(jwt.getToken().getSubject()), roles);
            } catch (IllegalArgumentException e) {
                throw new DomainProblem(ProblemKind.UNAUTHORIZED, "The token's subject is not a user id");
            }
        }
        throw new DomainProblem(ProblemKind.UNAUTHORIZED, "A valid bearer token is required");
    }

    /** When the current request's token stops being valid; null without a token or without an expiry. */
    public static @Nullable Instant tokenExpiresAt() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt
                ? jwt.getToken().getExpiresAt() : null;
    }
}
