package io.ticketing.gateway.config;

import java.util.List;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/**
 * The replicas that passed their last health check; all configured replicas when none did. A health check that
 * times out on a saturated machine then does not take the whole service out of rotation: requests still go to
 * the replicas, and reads that fail on the connection are retried on the next one.
 */
final class HealthyOrAllReplicas extends DelegatingServiceInstanceListSupplier {

    private final ServiceInstanceListSupplier all;

    HealthyOrAllReplicas(ServiceInstanceListSupplier healthy, ServiceInstanceListSupplier all) {
        super(healthy);
        this.all = all;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return delegate.get().concatMap(healthy -> healthy.isEmpty() ? all.get().take(1) : Flux.just(healthy));
    }
}
