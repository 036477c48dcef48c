package io.ticketing.gateway.adapter.out.ratelimit;

import java.time.Clock;

import io.ticketing.gateway.application.port.out.RateLimitPort;
import io.ticketing.gateway.config.RateLimitProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * In-memory buckets unless {@code REDIS_URL} is set. Redis auto-configuration is excluded (application.yml) so a
 * gateway without Redis never tries to reach one; this connection is made only when asked for.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    @ConditionalOnExpression("!'${ticketing.rate-limit.redis-url:}'.isBlank()")
    LettuceConnectionFactory rateLimitRedisConnectionFactory(RateLimitProperties properties) {
        return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(properties.redisUrl()));
    }

    @Bean
    RateLimitPort rateLimitPort(Clock clock, ObjectProvider<LettuceConnectionFactory> redis) {
        InMemoryRateLimiter local = new InMemoryRateLimiter(clock);
        LettuceConnectionFactory factory = redis.getIfAvailable();
        return factory == null ? local : new RedisRateLimiter(new ReactiveStringRedisTemplate(factory), local);
    }
}
