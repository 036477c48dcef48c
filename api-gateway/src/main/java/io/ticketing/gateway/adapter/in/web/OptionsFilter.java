package io.ticketing.gateway.adapter.in.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers a plain OPTIONS, for every path alike and without a token: 204 with {@code Allow} naming the methods served
 * there. Where nothing is served, the request goes on to the same 404 as any other method. Routes never match
 * OPTIONS, and controllers would answer it naming only their own methods. Runs right after Spring Security, whose
 * CORS filter has already answered preflights (they never get here).
 */
@Component
class OptionsFilter implements WebFilter, Ordered {

    private final ServedMethods servedMethods;

    OptionsFilter(ServedMethods servedMethods) {
        this.servedMethods = servedMethods;
    }

    @Override
    public int getOrder() {
        return -99; // Spring Security's filter chain is at -100
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!HttpMethod.OPTIONS.equals(exchange.getRequest().getMethod())
                || CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return servedMethods.at(exchange).flatMap(served -> {
            if (served.isEmpty()) {
                return chain.filter(exchange);
            }
            Set<HttpMethod> allow = new LinkedHashSet<>(served);
            allow.add(HttpMethod.OPTIONS);
            ServerHttpResponse response = exchange.getResponse();
            response.getHeaders().setAllow(allow);
            response.setStatusCode(HttpStatus.NO_CONTENT);
            return response.setComplete();
        });
    }
}
