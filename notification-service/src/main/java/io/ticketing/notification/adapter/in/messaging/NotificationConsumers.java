package io.ticketing.notification.adapter.in.messaging;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.google.protobuf.Message;
import io.ticketing.notification.application.port.in.MarkNotificationReadCommand;
import io.ticketing.notification.application.port.in.MarkNotificationReadUseCase;
import io.ticketing.notification.application.port.in.RecordNotificationCommand;
import io.ticketing.notification.application.port.in.RecordNotificationUseCase;
import io.ticketing.notification.application.port.in.RememberRecipientUseCase;
import io.ticketing.notification.domain.model.NotificationId;
import io.ticketing.notification.domain.model.Occasion;
import io.ticketing.notification.domain.model.Recipient;
import io.ticketing.platform.command.RequestDefinition;
import io.ticketing.platform.command.RequestHandler;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.inbox.ConsumerDefinition;
import io.ticketing.platform.inbox.MessageHandler;
import io.ticketing.platform.messaging.InboundContext;
import io.ticketing.platform.messaging.Streams;
import io.ticketing.platform.security.CurrentUser;
import io.ticketing.proto.commands.v1.MarkNotificationRead;
import io.ticketing.proto.events.v1.TicketBooked;
import io.ticketing.proto.events.v1.TicketCancelled;
import io.ticketing.proto.events.v1.TicketExpired;
import io.ticketing.proto.events.v1.TicketRejected;
import io.ticketing.proto.events.v1.UserRegistered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the service listens to on NATS: the events that become notifications (handled in the inbox
 * transaction, one notification per event id) and the mark-read command. Ticket events without a
 * notification (TicketRequested, SeatReleaseRequested) have no route and are skipped. Storing a notification locks
 * its user's sequence counter until the transaction ends (V2 migration), so every route names the user as its lock
 * key: batches, here and in other replicas, lock users in one order and wait rather than deadlock.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConsumers {

    static final String SERVICE = "notification";

    @Bean
    ConsumerDefinition userEventsConsumer(RememberRecipientUseCase recipients,
            RecordNotificationUseCase notifications) {
        return ConsumerDefinition.durable("notification-service-users", Streams.USERS, "users.events.>")
                .on(UserRegistered.getDefaultInstance(), (event, context) -> {
                    Occasion.UserRegistered occasion = NotificationEvents.occasion(event);
                    recipients.remember(new Recipient(occasion.userId(), occasion.email(), occasion.fullName()));
                    notifications.record(new RecordNotificationCommand(context.messageId(), occasion));
                }, UserRegistered::getUserId)
                .build();
    }

    @Bean
    ConsumerDefinition ticketEventsConsumer(RecordNotificationUseCase notifications) {
        return ConsumerDefinition.durable("notification-service-tickets", Streams.TICKETS, "tickets.events.>")
                .on(TicketBooked.getDefaultInstance(), record(notifications, NotificationEvents::occasion),
                        TicketBooked::getUserId)
                .on(TicketRejected.getDefaultInstance(), record(notifications, NotificationEvents::occasion),
                        TicketRejected::getUserId)
                .on(TicketCancelled.getDefaultInstance(), record(notifications, NotificationEvents::occasion),
                        TicketCancelled::getUserId)
                .on(TicketExpired.getDefaultInstance(), record(notifications, NotificationEvents::occasion),
                        TicketExpired::getUserId)
                .build();
    }

    @Bean
    RequestDefinition<MarkNotificationRead> markNotificationReadRequest(MarkNotificationReadUseCase markRead) {
        return RequestDefinition.of(SERVICE, MarkNotificationRead.getDefaultInstance(), CurrentUser.USER,
                (command, context) -> {
                    markRead.markRead(new MarkNotificationReadCommand(notificationId(command), caller(context)));
                    return new RequestHandler.Reply(command.getNotificationId(), Map.of());
                });
    }

    private static <T extends Message> MessageHandler<T> record(RecordNotificationUseCase notifications,
            Function<T, Occasion> toOccasion) {
        return (event, context) -> notifications.record(
                new RecordNotificationCommand(context.messageId(), toOccasion.apply(event)));
    }

    /** An id that is not a UUID names no notification: the same answer as any unknown id. */
    private static NotificationId notificationId(MarkNotificationRead command) {
        try {
            return new NotificationId(UUID.fromString(command.getNotificationId()));
        } catch (IllegalArgumentException e) {
            throw DomainProblem.notFound("No notification " + command.getNotificationId());
        }
    }

    private static UUID caller(InboundContext context) {
        UUID userId = context.userId();
        if (userId == null) {
            // the responder refuses anonymous callers before we get here
            throw new IllegalStateException("Command without caller");
        }
        return userId;
    }
}
