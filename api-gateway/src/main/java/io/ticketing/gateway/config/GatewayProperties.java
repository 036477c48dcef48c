package io.ticketing.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway behaves at its edge ({@code ticketing.gateway.*}).
 *
 * @param commandTimeout      how long a request-reply command or a durable publish may take before 503
 * @param ticketLookupTimeout how long the booking pre-check may wait for ticket-service before publishing anyway
 * @param retryAfter          the {@code Retry-After} advertised with a 503
 * @param maxBody             the largest request body accepted (413 above)
 * @param webDist             the web client's built files, served at {@code /} when the directory exists
 * @param corsOrigins         browser origins allowed to call the API cross-origin (the web dev server)
 */
@ConfigurationProperties("ticketing.gateway")
public record GatewayProperties(
        @DefaultValue("5s") Duration commandTimeout,
        @DefaultValue("2s") Duration ticketLookupTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("64KB") DataSize maxBody,
        @DefaultValue("../web/dist") Path webDist,
        @DefaultValue("http://localhost:5173") List<String> corsOrigins) {
}
