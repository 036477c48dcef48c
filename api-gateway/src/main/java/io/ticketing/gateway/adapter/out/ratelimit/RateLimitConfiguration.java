package io.ticketing.gateway.adapter.out.ratelimit;

import java.time.Clock;

import io.ticketing.gateway.application.port.out.RateLimitPort;
import io.ticketing.gateway.config.RateLimitProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * In-memory buckets unless {@code REDIS_URL} is set. Redis auto-configuration is excluded (application.yml) so a
 * gateway without Redis never tries to reach one; this connection is made only when asked for. Asked for at run time,
 * not by a condition: the bean definitions are prepared at build time (Spring AOT), so without a URL the connection
 * factory's bean method answers no bean.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    @Nullable LettuceConnectionFactory rateLimitRedisConnectionFactory(RateLimitProperties properties) {
        return properties.redisUrl().isBlank() ? null
                : new LettuceConnectionFactory(
                        LettuceConnectionFactory.createRedisConfiguration(properties.redisUrl()));
    }

    @Bean
    RateLimitPort rateLimitPort(Clock clock, ObjectProvider<LettuceConnectionFactory> redis) {
        InMemoryRateLimiter local = new InMemoryRateLimiter(clock);
        LettuceConnectionFactory factory = redis.getIfAvailable();
        return factory == null ? local : new RedisRateLimiter(new ReactiveStringRedisTemplate(factory), local);
    }
}
