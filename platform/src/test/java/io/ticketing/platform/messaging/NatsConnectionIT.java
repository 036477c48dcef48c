package io.ticketing.platform.messaging;

import java.time.Duration;

import io.nats.client.Connection;
import io.ticketing.platform.test.TestNats;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class NatsConnectionIT {

    @Test
    void aPublishWhileDisconnectedFailsAtOnceInsteadOfGoingOutAfterTheReconnect() {
        TestNats nats = TestNats.controllable();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(NatsAutoConfiguration.class))
                .withPropertyValues("spring.application.name=nats-connection-it",
                        "ticketing.nats.servers=" + TestNats.url(), "ticketing.nats.provision-streams=false")
                .run(context -> {
                    Connection connection = context.getBean(Connection.class);
                    nats.stop();
                    try {
                        await().atMost(Duration.ofSeconds(10))
                                .until(() -> connection.getStatus() != Connection.Status.CONNECTED);

                        assertThatThrownBy(() -> connection.publish("nats-connection-it.x", new byte[] {1}))
                                .isInstanceOf(IllegalStateException.class);
                    } finally {
                        nats.start();
                    }
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> connection.getStatus() == Connection.Status.CONNECTED);
                });
    }
}
