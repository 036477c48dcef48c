package io.ticketing.gateway.adapter.in.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ticketing.gateway.config.GatewayProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the web client's built files from {@code WEB_DIST} when that directory exists; {@code /} is its
 * index.html. A browser navigating to a client-side route (any other GET that accepts text/html) gets index.html
 * too, so deep links work; API, docs and actuator paths are never shadowed, and a missing asset stays a 404.
 */
@Configuration(proxyBeanMethods = false)
class WebClientFiles {

    private static final List<String> RESERVED = List.of("/api/", "/v3/", "/swagger-ui", "/webjars/", "/actuator",
            "/.well-known/");
    private static final String FILE_ATTR = WebClientFiles.class.getName() + ".file";

    @Bean
    RouterFunction<ServerResponse> webClientRoutes(GatewayProperties properties) {
        Path dist = properties.webDist().toAbsolutePath().normalize();
        RequestPredicate servable = request -> {
            Path file = resolve(dist, request);
            if (file == null) {
                return false;
            }
            request.attributes().put(FILE_ATTR, file);
            return true;
        };
        return RouterFunctions.route(servable, request -> {
            Path file = (Path) request.attributes().get(FILE_ATTR);
            String cache = file.startsWith(dist.resolve("assets")) ? "public, max-age=31536000, immutable" : "no-cache";
            return ServerResponse.ok()
                    .contentType(MediaTypeFactory.getMediaType(file.getFileName().toString())
                            .orElse(MediaType.APPLICATION_OCTET_STREAM))
                    .header(HttpHeaders.CACHE_CONTROL, cache)
                    .body(BodyInserters.fromResource(new FileSystemResource(file)));
        });
    }

    private static @Nullable Path resolve(Path dist, ServerRequest request) {
        HttpMethod method = request.method();
        String path = request.requestPath().pathWithinApplication().value();
        // a request target without a path ("*", "http://host") names no file
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || !path.startsWith("/")
                || RESERVED.stream().anyMatch(path::startsWith) || !Files.isDirectory(dist)) {
            return null;
        }
        if (!path.contains("%") && !path.contains("\\")) {
            Path candidate = dist.resolve(path.substring(1)).normalize();
            if (candidate.startsWith(dist) && Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        Path index = dist.resolve("index.html");
        // "/" is the client's own page, whatever the caller accepts (curl sends */*); elsewhere only a page request
        // falls back to it, so a missing asset fetched with */* stays a 404
        boolean wantsPage = path.equals("/") || request.headers().accept().stream()
                .anyMatch(type -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type));
        return wantsPage && Files.isRegularFile(index) ? index : null;
    }
}
