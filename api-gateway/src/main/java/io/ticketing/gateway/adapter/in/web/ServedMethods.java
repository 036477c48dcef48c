package io.ticketing.gateway.adapter.in.web;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The methods the gateway serves at a request's path, from its proxy routes, its router functions (the web client's
 * files) and its annotated controllers (and actuator endpoints). Routes and controllers each only know their own
 * methods, so a wrong method on a path that one of them serves would otherwise read as 404 (or as a 405 naming only
 * the controllers' methods). Only asked once a request has found no handler, or for a plain OPTIONS, so a normal
 * request never pays for it.
 */
@Component
class ServedMethods {

    /** The methods a route is tried with; OPTIONS and TRACE are the server's own business, never routed. */
    private static final List<HttpMethod> ROUTABLE = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final RouteLocator routes;
    private final ObjectProvider<RouterFunctionMapping> functions;
    private final ObjectProvider<RequestMappingInfoHandlerMapping> controllers;

    ServedMethods(RouteLocator routes, ObjectProvider<RouterFunctionMapping> functions,
            ObjectProvider<RequestMappingInfoHandlerMapping> controllers) {
        this.routes = routes;
        this.functions = functions;
        this.controllers = controllers;
    }

    /**
     * The methods served at the exchange's path, in the order of {@link HttpMethod#values()}; empty when nothing
     * serves the path, or when some handler takes any method there (then the path's answer is that handler's).
     */
    Mono<Set<HttpMethod>> at(ServerWebExchange exchange) {
        Set<RequestMethod> fromControllers = EnumSet.noneOf(RequestMethod.class);
        for (RequestMappingInfoHandlerMapping mapping : controllers) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                if (info.getPatternsCondition().getMatchingCondition(exchange) == null) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    return Mono.just(Set.of());
                }
                fromControllers.addAll(methods);
            }
        }
        if (fromControllers.contains(RequestMethod.GET)) {
            fromControllers.add(RequestMethod.HEAD); // a GET mapping answers HEAD as well
        }
        return Flux.fromIterable(ROUTABLE)
                .filterWhen(method -> routed(exchange, method))
                .collectList()
                .map(fromRoutes -> ordered(fromControllers, fromRoutes));
    }

    private Mono<Boolean> routed(ServerWebExchange exchange, HttpMethod method) {
        ServerWebExchange probe = new Probe(exchange, method);
        Flux<Boolean> byRoutes = routes.getRoutes()
                .map(Route::getPredicate)
                .concatMap(predicate -> Mono.from(predicate.apply(probe)));
        // matching reads no body, so the request needs no message readers
        Flux<Boolean> byFunctions = Flux.fromStream(functions::orderedStream)
                .mapNotNull(RouterFunctionMapping::getRouterFunction)
                .concatMap(function -> function.route(ServerRequest.create(probe, List.of())).hasElement());
        return Flux.concat(byRoutes, byFunctions).any(Boolean::booleanValue);
    }

    private static Set<HttpMethod> ordered(Set<RequestMethod> fromControllers, List<HttpMethod> fromRoutes) {
        Set<HttpMethod> served = new LinkedHashSet<>();
        for (HttpMethod method : HttpMethod.values()) {
            if (fromRoutes.contains(method)
                    || fromControllers.stream().anyMatch(m -> m.asHttpMethod().equals(method))) {
                served.add(method);
            }
        }
        return served;
    }

    /**
     * The request as if sent with another method. Predicates record what they matched in the attributes; the
     * probe keeps its own, so nothing leaks into the real exchange.
     */
    private static final class Probe extends ServerWebExchangeDecorator {

        private final ServerHttpRequest request;
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();

        Probe(ServerWebExchange exchange, HttpMethod method) {
            super(exchange);
            this.request = exchange.getRequest().mutate().method(method).build();
        }

        @Override
        public ServerHttpRequest getRequest() {
            return request;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }
    }
}
