package io.ticketing.gateway.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaBalancingTest {

    @Test
    void eachServiceTakesOneUrlOrACommaSeparatedListAndDefaultsToTheLocalPort() {
        ServiceUrls urls = bind(Map.of(
                "ticketing.services.ticket", "http://10.0.0.5:8083, http://10.0.0.6:8093",
                "ticketing.services.user", "http://users.internal:9000"));

        assertThat(urls.ticket())
                .containsExactly(URI.create("http://10.0.0.5:8083"), URI.create("http://10.0.0.6:8093"));
        assertThat(urls.user()).containsExactly(URI.create("http://users.internal:9000"));
        assertThat(urls.train()).containsExactly(URI.create("http://127.0.0.1:8082"));
        assertThat(urls.byServiceId()).containsOnlyKeys("user-service", "train-service", "ticket-service",
                "notification-service");
    }

    @Test
    void theConfiguredUrlsAreTheInstancesOfTheirService() {
        ReplicaBalancing.ConfiguredReplicas replicas = new ReplicaBalancing.ConfiguredReplicas(Map.of(
                "ticket-service", List.of(URI.create("http://10.0.0.5:8083"), URI.create("https://tickets.example"))));

        List<ServiceInstance> instances = replicas.getInstances("ticket-service").collectList().block();

        assertThat(instances).extracting(ServiceInstance::getInstanceId)
                .containsExactly("ticket-service-0", "ticket-service-1");
        assertThat(instances).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://10.0.0.5:8083"), URI.create("https://tickets.example:443"));
        assertThat(replicas.getInstances("unknown-service").collectList().block()).isEmpty();
        assertThat(replicas.getServices().collectList().block()).containsExactly("ticket-service");
    }

    private static ServiceUrls bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("ticketing.services", ServiceUrls.class);
    }
}
