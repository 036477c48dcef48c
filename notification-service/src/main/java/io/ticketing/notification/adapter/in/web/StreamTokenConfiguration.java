package io.ticketing.notification.adapter.in.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * A browser's EventSource cannot send an Authorization header, so the live stream (and only it) also
 * accepts the token as {@code ?access_token=}. The platform's resource server picks this resolver up.
 */
@Configuration(proxyBeanMethods = false)
class StreamTokenConfiguration {

    @Bean
    BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver headerOnly = new DefaultBearerTokenResolver();
        DefaultBearerTokenResolver headerOrQuery = new DefaultBearerTokenResolver();
        headerOrQuery.setAllowUriQueryParameter(true);
        return request -> NotificationStreamController.PATH.equals(request.getRequestURI())
                ? headerOrQuery.resolve(request)
                : headerOnly.resolve(request);
    }
}
