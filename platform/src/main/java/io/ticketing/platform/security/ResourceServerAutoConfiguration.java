package io.ticketing.platform.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.ticketing.platform.error.ProblemKind;
import io.ticketing.platform.web.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Every servlet service is a stateless OAuth2 resource server: bearer tokens signed by user-service
 * (RS256, keys from its JWKS), with issuer and audience checked, roles from the {@code roles} claim.
 * Unauthenticated and forbidden requests get problem+json.
 */
@AutoConfiguration(after = io.ticketing.platform.web.ServletWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JwtDecoder.class)
@EnableConfigurationProperties(TokenSettings.class)
public class ResourceServerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(TokenSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwksUrl())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(settings));
        return VerifiedTokens.withDefaults().caching(decoder);
    }

    /** Signature is checked by the decoder; these add expiry, issuer and audience. */
    public static OAuth2TokenValidator<Jwt> validator(TokenSettings settings) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()),
                new JwtClaimValidator<List<String>>("aud",
                        aud -> aud != null && aud.contains(settings.audience())));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http, TokenSettings settings, ProblemWriter problems)
            throws Exception {
        List<RequestMatcher> open = new ArrayList<>();
        open.add(PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"));
        open.add(PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"));
        open.add(PathPatternRequestMatcher.withDefaults().matcher("/error"));
        for (String path : settings.publicPaths()) {
            String[] parts = path.trim().split("\\s+", 2);
            if (parts.length == 1) {
                open.add(PathPatternRequestMatcher.withDefaults().matcher(parts[0]));
                continue;
            }
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            open.add(PathPatternRequestMatcher.withDefaults().matcher(method, parts[1]));
            if (method.equals(HttpMethod.GET)) {
                // HEAD answers as GET would, without the body
                open.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, parts[1]));
            }
        }
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open.toArray(RequestMatcher[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter()))
                        .authenticationEntryPoint((req, res, e) ->
                                problems.write(req, res, ProblemKind.UNAUTHORIZED, "A valid bearer token is required"))
                        .accessDeniedHandler((req, res, e) ->
                                problems.write(req, res, ProblemKind.FORBIDDEN, "You may not do this")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((req, res, e) ->
                                problems.write(req, res, ProblemKind.UNAUTHORIZED, "A valid bearer token is required"))
                        .accessDeniedHandler((req, res, e) ->
                                problems.write(req, res, ProblemKind.FORBIDDEN, "You may not do this")))
                .headers(Customizer.withDefaults());
        return http.build();
    }

    public static JwtAuthenticationConverter rolesConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            List<String> roles = jwt.getClaimAsStringList(TokenSettings.ROLES_CLAIM);
            if (roles != null) {
                roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            }
            return authorities;
        });
        return converter;
    }
}
