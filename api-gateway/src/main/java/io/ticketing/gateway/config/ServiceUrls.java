package io.ticketing.gateway.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the services answer HTTP ({@code ticketing.services.*}). */
@ConfigurationProperties("ticketing.services")
public record ServiceUrls(
        @DefaultValue("http://127.0.0.1:8081") URI user,
        @DefaultValue("http://127.0.0.1:8082") URI train,
        @DefaultValue("http://127.0.0.1:8083") URI ticket,
        @DefaultValue("http://127.0.0.1:8084") URI notification) {
}
