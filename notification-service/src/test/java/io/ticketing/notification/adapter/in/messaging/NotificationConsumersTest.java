package io.ticketing.notification.adapter.in.messaging;

import java.util.List;

import io.ticketing.platform.inbox.ConsumerDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationConsumersTest {

    private final NotificationConsumers consumers = new NotificationConsumers();

    /** Storing a notification locks its user's sequence counter: a route without the user as key could deadlock. */
    @Test
    void everyRouteOrdersItsBatchesByTheUserItLocks() {
        for (ConsumerDefinition definition : List.of(consumers.userEventsConsumer(null, null),
                consumers.ticketEventsConsumer(null))) {
            assertThat(definition.routes()).as(definition.durableName()).isNotEmpty()
                    .allSatisfy((type, route) -> assertThat(route.lockKey()).as(type).isNotNull());
        }
    }
}
