package io.ticketing.gateway;

import java.util.UUID;

import io.ticketing.gateway.support.GatewayITSupport;
import io.ticketing.gateway.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** notification-service is configured with two replicas, and one of them is down (see GatewayTestInfrastructure). */
class ReplicasIT extends GatewayITSupport {

    @Test
    void everyReadReachesTheLiveReplicaWhileTheOtherOneIsDown() {
        String token = TestTokens.user(UUID.randomUUID());
        for (int i = 0; i < 12; i++) {
            http.get().uri("/api/v1/notifications/stream")
                    .header("Authorization", bearer(token))
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(body -> assertThat(body).contains("data:"));
        }
    }
}
