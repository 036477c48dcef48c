package io.ticketing.gateway.adapter.in.web;

import io.ticketing.platform.error.ProblemKind;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS as Spring's CorsWebFilter applies it (same processor, preflights answered here), except that a refused
 * cross-origin request gets a 403 problem like every other refusal instead of an empty 403.
 */
final class CrossOriginFilter implements WebFilter {

    private final CorsConfigurationSource configurations;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final ProblemRenderer problems;

    CrossOriginFilter(CorsConfigurationSource configurations, ProblemRenderer problems) {
        this.configurations = configurations;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!processor.process(configurations.getCorsConfiguration(exchange), exchange)) {
            return problems.write(exchange, ProblemKind.FORBIDDEN,
                    "Cross-origin requests from this origin, or with this method or these headers, are not allowed");
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
