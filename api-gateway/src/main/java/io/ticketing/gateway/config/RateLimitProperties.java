package io.ticketing.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets per caller ({@code ticketing.rate-limit.*}): per user when a valid token is present, per client
 * address otherwise; login, register and refresh get their own stricter bucket per address.
 *
 * The bucket sizes are in application.yml.
 *
 * @param redisUrl buckets are shared through this Redis when set (several gateway replicas); in memory otherwise
 */
@ConfigurationProperties("ticketing.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("") String redisUrl,
        Bucket standard,
        Bucket auth) {

    /** @param capacity the burst a caller may send at once; @param perSecond tokens added back per second */
    public record Bucket(int capacity, double perSecond) {
    }
}
