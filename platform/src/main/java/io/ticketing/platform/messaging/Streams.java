package io.ticketing.platform.messaging;

import java.util.List;

/** The system's JetStream streams. Every service provisions all of them, so start order never matters. */
public final class Streams {

    public static final String USERS = "USERS";
    public static final String TRAINS = "TRAINS";
    public static final String TICKETS = "TICKETS";
    public static final String COMMANDS = "COMMANDS";
    public static final String DLQ = "DLQ";

    public record StreamSpec(String name, String subjects) {
    }

    public static final List<StreamSpec> ALL = List.of(
            new StreamSpec(USERS, "users.events.>"),
            new StreamSpec(TRAINS, "trains.events.>"),
            new StreamSpec(TICKETS, "tickets.events.>"),
            new StreamSpec(COMMANDS, "commands.>"),
            new StreamSpec(DLQ, "dlq.>"));

    private Streams() {
    }
}
