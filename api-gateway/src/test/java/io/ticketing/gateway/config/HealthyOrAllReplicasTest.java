package io.ticketing.gateway.config;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

class HealthyOrAllReplicasTest {

    private static final ServiceInstance A =
            new DefaultServiceInstance("t-0", "ticket-service", "10.0.0.5", 8083, false);
    private static final ServiceInstance B =
            new DefaultServiceInstance("t-1", "ticket-service", "10.0.0.6", 8083, false);

    @Test
    void offersTheHealthyReplicasAndAllOfThemWhenNoneIsHealthy() {
        ServiceInstanceListSupplier checks = supplier(Flux.just(List.of(A), List.of(), List.of(A, B)));
        ServiceInstanceListSupplier configured = supplier(Flux.just(List.of(A, B)));

        List<List<ServiceInstance>> offered = new HealthyOrAllReplicas(checks, configured).get().collectList().block();

        assertThat(offered).containsExactly(List.of(A), List.of(A, B), List.of(A, B));
    }

    private static ServiceInstanceListSupplier supplier(Flux<List<ServiceInstance>> lists) {
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return "ticket-service";
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return lists;
            }
        };
    }
}
