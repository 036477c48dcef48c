package io.ticketing.train.application.port.out;

import io.ticketing.train.domain.model.TrainEvent;

/** Publishes in the caller's transaction: the event goes out if and only if the transaction commits. */
public interface TrainEventPublisher {

    void publish(TrainEvent event);
}
