package io.ticketing.gateway.adapter.in.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Set;

import io.ticketing.gateway.application.port.out.RateLimitPort;
import io.ticketing.gateway.config.RateLimitProperties;
import io.ticketing.gateway.domain.RateLimitPolicy;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token bucket per caller on the API: per user (token subject) when authenticated, per client address otherwise.
 * Login, register and refresh draw from a smaller bucket per address, which slows password guessing and sign-up
 * floods. Runs after Spring Security (order 0 > -100), so the principal is already verified.
 */
@Component
class RateLimitFilter implements WebFilter, org.springframework.core.Ordered {

    static final Set<String> AUTH_PATHS = Set.of("/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh");

    private final RateLimitPort buckets;
    private final boolean enabled;
    private final RateLimitPolicy standard;
    private final RateLimitPolicy auth;

    RateLimitFilter(RateLimitPort buckets, RateLimitProperties properties) {
        this.buckets = buckets;
        this.enabled = properties.enabled();
        this.standard = new RateLimitPolicy("standard", properties.standard().capacity(),
                properties.standard().perSecond());
        this.auth = new RateLimitPolicy("auth", properties.auth().capacity(), properties.auth().perSecond());
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (!enabled || !path.startsWith("/api/") || HttpMethod.OPTIONS.equals(request.getMethod())) {
            return chain.filter(exchange);
        }
        boolean authEndpoint = HttpMethod.POST.equals(request.getMethod()) && AUTH_PATHS.contains(path);
        Mono<String> key = authEndpoint ? Mono.just(address(request))
                : exchange.getPrincipal().map(p -> "user:" + p.getName()).defaultIfEmpty(address(request));
        return key.flatMap(k -> buckets.take(k, authEndpoint ? auth : standard))
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange)
                        : Mono.error(HttpProblem.tooManyRequests(decision.retryAfter())));
    }

    /**
     * The peer address. Behind a trusted proxy set {@code server.forward-headers-strategy=framework} so it comes
     * from X-Forwarded-For; trusting that header from anyone would let clients pick their own bucket.
     */
    private static String address(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "ip:unknown" : addressKey(remote.getAddress());
    }

    /**
     * An IPv4 address is one caller; an IPv6 caller is its /64, the block one subscriber is usually given, so
     * that walking through its own block does not give a client a fresh bucket per request.
     */
    static String addressKey(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return "ip6:" + InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return "ip:" + address.getHostAddress();
    }
}
