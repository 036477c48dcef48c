package io.ticketing.user.application.port.out;

import io.ticketing.user.domain.model.UserRegistered;

/** Publishes user events through the outbox, inside the caller's transaction. */
public interface UserEventPublisher {

    void publish(UserRegistered event);
}
