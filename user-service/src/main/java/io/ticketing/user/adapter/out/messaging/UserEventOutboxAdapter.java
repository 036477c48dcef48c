package io.ticketing.user.adapter.out.messaging;

import com.google.protobuf.Timestamp;
import io.ticketing.platform.messaging.Subjects;
import io.ticketing.platform.outbox.OutboxWriter;
import io.ticketing.proto.events.v1.UserRegistered;
import io.ticketing.user.application.port.out.UserEventPublisher;
import io.ticketing.user.domain.model.Role;
import org.springframework.stereotype.Component;

@Component
class UserEventOutboxAdapter implements UserEventPublisher {

    static final String STREAM_PREFIX = "users";

    private final OutboxWriter outbox;

    UserEventOutboxAdapter(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(io.ticketing.user.domain.model.UserRegistered event) {
        UserRegistered message = UserRegistered.newBuilder()
                .setUserId(event.userId().toString())
                .setEmail(event.email().value())
                .setFullName(event.fullName())
                .addAllRoles(event.roles().stream().map(Role::name).toList())
                .setRegisteredAt(Timestamp.newBuilder()
                        .setSeconds(event.registeredAt().getEpochSecond())
                        .setNanos(event.registeredAt().getNano()))
                .build();
        outbox.append(Subjects.event(STREAM_PREFIX, message), message);
    }
}
