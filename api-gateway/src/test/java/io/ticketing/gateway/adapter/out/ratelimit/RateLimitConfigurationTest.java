package io.ticketing.gateway.adapter.out.ratelimit;

import java.time.Clock;

import io.ticketing.gateway.application.port.out.RateLimitPort;
import io.ticketing.gateway.config.RateLimitProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The rate limiter's store is chosen when the gateway starts, from REDIS_URL (no condition, see the class). */
class RateLimitConfigurationTest {

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, RateLimitConfiguration.class);

    @Test
    void withoutARedisUrlTheBucketsAreInMemoryAndNoRedisConnectionExists() {
        gateway.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RateLimitPort.class)).isInstanceOf(InMemoryRateLimiter.class);
            // the definition exists (prepared at build time), its instance does not
            assertThat(context.getBeanProvider(LettuceConnectionFactory.class).getIfAvailable()).isNull();
        });
    }

    @Test
    void withARedisUrlTheBucketsAreSharedThroughIt() {
        // nothing listens there: the connection is made at the first request, not when the gateway starts
        gateway.withPropertyValues("ticketing.rate-limit.redis-url=redis://127.0.0.1:1").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RateLimitPort.class)).isInstanceOf(RedisRateLimiter.class);
            assertThat(context.getBean(LettuceConnectionFactory.class).getPort()).isEqualTo(1);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(RateLimitProperties.class)
    static class Infrastructure {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
