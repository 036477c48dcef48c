package io.ticketing.gateway.adapter.in.web;

import java.util.List;
import java.util.Set;

import io.ticketing.gateway.config.GatewayProperties;
import io.ticketing.platform.command.ProblemTypes;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.platform.security.CurrentUser;
import io.ticketing.platform.security.ResourceServerAutoConfiguration;
import io.ticketing.platform.security.TokenSettings;
import io.ticketing.platform.security.VerifiedTokens;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The gateway is a stateless OAuth2 resource server: RS256 tokens from user-service's JWKS (fetched again every
 * five minutes and for an unknown {@code kid}: {@link RefreshingJwkSource}), issuer and audience checked, roles from
 * the {@code roles} claim. Catalog writes need ADMIN, every other API call a valid token, except the public ones.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(TokenSettings.class)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The methods Spring Security's firewall lets through; it refuses every other. */
    private static final Set<HttpMethod> FIREWALL_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    /** Readable by anyone, with GET or HEAD (which answers as GET would, without the body). */
    private static final String[] PUBLIC_READS = {"/api/v1/cities/**", "/api/v1/stations/**", "/api/v1/trains/**",
            "/api/v1/trips/**", "/.well-known/jwks.json"};

    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenSettings settings) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(RefreshingJwkSource.over(WebClient.create(), settings.jwksUrl()))
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(ResourceServerAutoConfiguration.validator(settings));
        // each client's token is checked once, not on every request (see VerifiedTokens)
        VerifiedTokens verified = VerifiedTokens.withDefaults();
        return token -> {
            Jwt known = verified.get(token);
            return known != null ? Mono.just(known)
                    : decoder.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
        };
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemRenderer problems,
            GatewayProperties properties) {
        ServerAuthenticationEntryPoint unauthorized = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            boolean hadToken = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            return problems.write(exchange, ProblemKind.UNAUTHORIZED,
                    hadToken ? "The bearer token is invalid or expired" : "A bearer token is required");
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) ->
                problems.write(exchange, ProblemKind.FORBIDDEN, "Your role does not allow this");
        String admin = CurrentUser.ADMIN;
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .addFilterAt(new CrossOriginFilter(cors(properties), problems), SecurityWebFiltersOrder.CORS)
                .authorizeExchange(auth -> auth
                        // a plain OPTIONS only asks which methods a path takes (OptionsFilter); preflights are
                        // answered before this by the CORS filter. Not for the actuator: which of its endpoints
                        // exist is for admins to know
                        .pathMatchers(HttpMethod.OPTIONS, "/actuator/**").hasRole(admin)
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        // any method, so a wrong one gets 405 from its handler rather than 401
                        .pathMatchers("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh").permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .pathMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/cities", "/api/v1/stations", "/api/v1/trains",
                                "/api/v1/trips").hasRole(admin)
                        .pathMatchers(HttpMethod.DELETE, "/api/v1/trips/*").hasRole(admin)
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/actuator/**").hasRole(admin)
                        // API docs, Swagger UI, the web client's files, and 404 for anything else
                        .anyExchange().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(
                                        ResourceServerAutoConfiguration.rolesConverter())))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .headers(headers -> headers
                        .contentTypeOptions(c -> { })
                        .frameOptions(f -> f.mode(Mode.DENY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    /**
     * Requests the firewall refuses get a problem too, not the firewall's empty 400: 405 for a method it does not
     * let through at all (TRACE, CONNECT, made-up ones), 400 for a URL holding encoded slashes, semicolons, NUL...
     */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges(ProblemRenderer problems) {
        return (exchange, rejection) -> FIREWALL_METHODS.contains(exchange.getRequest().getMethod())
                ? problems.write(exchange, ProblemKind.INVALID_INPUT,
                        "The request URL contains characters that are not allowed")
                : problems.write(exchange, new HttpProblem(405, ProblemTypes.BASE + "http-405", "Method Not Allowed",
                        "The method " + exchange.getRequest().getMethod() + " is not served", List.of(), null));
    }

    /** Cross-origin calls only from the web client's dev server; the built client is same-origin. */
    private static CorsConfigurationSource cors(GatewayProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.corsOrigins());
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key",
                "X-Correlation-Id", "traceparent"));
        config.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Correlation-Id"));
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }
}
