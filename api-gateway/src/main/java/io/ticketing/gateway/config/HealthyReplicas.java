package io.ticketing.gateway.config;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The load balancer configuration of each service (a child context per service id, see {@link ReplicaBalancing}):
 * its configured replicas, filtered by periodic health checks (readiness), or all of them when none passed. Not a
 * {@code @Configuration}, so the main context does not pick it up. Public because Spring AOT's generated code for
 * the load-balancer contexts names it from another package.
 */
public class HealthyReplicas {

    @Bean
    ServiceInstanceListSupplier replicaInstances(ConfigurableApplicationContext context) {
        WebClient probe = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 500)
                        .responseTimeout(Duration.ofSeconds(1))))
                .build();
        ServiceInstanceListSupplier healthy = ServiceInstanceListSupplier.builder().withDiscoveryClient()
                .withHealthChecks(probe).build(context);
        return new HealthyOrAllReplicas(healthy, ServiceInstanceListSupplier.builder().withDiscoveryClient()
                .build(context));
    }
}
