package io.ticketing.gateway.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Flux;

/**
 * Spreads the gateway's HTTP calls over each service's replicas: the configured URLs are the instances of a
 * discovery client, and each service's load balancer (round robin) only offers the instances whose
 * {@code /actuator/health} answered 200 at the last check ({@code spring.cloud.loadbalancer.health-check.interval}).
 * A replica that dies is skipped within one interval; GETs that hit it meanwhile are retried on another one.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = HealthyReplicas.class)
class ReplicaBalancing {

    @Bean
    ReactiveDiscoveryClient configuredReplicas(ServiceUrls urls) {
        return new ConfiguredReplicas(urls.byServiceId());
    }

    /** The instances of a service are exactly the URLs configured for it. */
    static final class ConfiguredReplicas implements ReactiveDiscoveryClient {

        private final Map<String, List<URI>> services;

        ConfiguredReplicas(Map<String, List<URI>> services) {
            this.services = Map.copyOf(services);
        }

        @Override
        public String description() {
            return "Service replicas configured in ticketing.services.*";
        }

        @Override
        public Flux<ServiceInstance> getInstances(String serviceId) {
            List<URI> urls = services.getOrDefault(serviceId, List.of());
            return Flux.range(0, urls.size()).map(i -> instance(serviceId, i, urls.get(i)));
        }

        @Override
        public Flux<String> getServices() {
            return Flux.fromIterable(services.keySet());
        }

        static ServiceInstance instance(String serviceId, int index, URI url) {
            boolean secure = "https".equalsIgnoreCase(url.getScheme());
            int port = url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80;
            return new DefaultServiceInstance(serviceId + "-" + index, serviceId, url.getHost(), port, secure);
        }
    }
}
