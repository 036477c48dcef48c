package io.ticketing.notification.domain.model;

public enum NotificationType {
    WELCOME,
    TICKET_BOOKED,
    TICKET_REJECTED,
    TICKET_CANCELLED,
    TICKET_EXPIRED
}
