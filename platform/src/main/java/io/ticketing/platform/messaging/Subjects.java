package io.ticketing.platform.messaging;

import com.google.protobuf.Message;

/**
 * Subject naming: {@code <stream>.events.<EventName>}, {@code commands.<service>.<Name>},
 * {@code requests.<service>.<Name>}.
 */
public final class Subjects {

    private Subjects() {
    }

    /** {@code users.events.UserRegistered} for stream prefix {@code users}. */
    public static String event(String streamPrefix, Message event) {
        return streamPrefix + ".events." + event.getDescriptorForType().getName();
    }

    /** Durable command stored in the COMMANDS stream. */
    public static String command(String service, Class<? extends Message> type) {
        return "commands." + service + "." + type.getSimpleName();
    }

    /** Request-reply command; deliberately outside every stream so only a live responder answers. */
    public static String request(String service, Class<? extends Message> type) {
        return "requests." + service + "." + type.getSimpleName();
    }

    public static String deadLetter(String service) {
        return "dlq." + service;
    }

    /** The last token of a subject, which names the message type. */
    public static String typeName(String subject) {
        return subject.substring(subject.lastIndexOf('.') + 1);
    }
}
