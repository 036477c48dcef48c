package io.ticketing.notification.application.port.in;

import java.util.Objects;

import io.ticketing.notification.domain.model.Occasion;
import io.ticketing.platform.error.Validation;

/** @param sourceEventId id of the event that caused the notification (its {@code Nats-Msg-Id}) */
public record RecordNotificationCommand(String sourceEventId, Occasion occasion) {

    public RecordNotificationCommand {
        Objects.requireNonNull(occasion, "occasion");
        new Validation()
                .require(sourceEventId != null && !sourceEventId.isBlank(), "sourceEventId", "must not be blank")
                .throwIfInvalid();
    }
}
