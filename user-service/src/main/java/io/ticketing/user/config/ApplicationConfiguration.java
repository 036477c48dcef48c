package io.ticketing.user.config;

import java.time.Clock;

import io.ticketing.user.domain.model.LoginThrottle;
import io.ticketing.user.domain.model.RefreshTokenRetention;
import io.ticketing.user.domain.model.SessionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Turns settings into the domain policies the use cases apply. */
@Configuration(proxyBeanMethods = false)
class ApplicationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LoginThrottle loginThrottle(AuthProperties properties) {
        return new LoginThrottle(properties.maxLoginFailures(), properties.loginFailureWindow());
    }

    @Bean
    SessionPolicy sessionPolicy(AuthProperties properties) {
        return new SessionPolicy(properties.refreshTokenTtl(), properties.refreshReuseGrace());
    }

    @Bean
    RefreshTokenRetention refreshTokenRetention(RefreshTokenPurgeProperties properties) {
        return new RefreshTokenRetention(properties.grace());
    }
}
