package io.ticketing.platform.startup;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The training run of the JDK's AOT cache ({@code -XX:AOTCacheOutput}, recorded by {@code ./ticketing up} and the
 * startup benchmark): with {@code ticketing.startup.exit-when-ready=true} the service starts completely - web
 * server, consumers, outbox relay - and exits once it is ready, so the cache holds every class a start loads.
 * Spring's {@code spring.context.exit=onRefresh} exits before the web server and the consumers start, and what
 * they load was left to load from the jar at every start (bench/RESULTS.md).
 * <p>
 * The listener is always there and reads the property when the application is ready, not through a condition:
 * a service built with Spring AOT has its conditions decided at build time, and the same jar must both train
 * and run.
 */
@AutoConfiguration
public class TrainingRunAutoConfiguration {

    @Bean
    ExitWhenReady exitWhenReady() {
        return new ExitWhenReady(System::exit);
    }
}
