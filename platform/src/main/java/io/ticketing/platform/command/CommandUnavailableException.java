package io.ticketing.platform.command;

import org.jspecify.annotations.Nullable;

/** Nobody answered a command in time: the owning service is down or overloaded (503 + Retry-After). */
public class CommandUnavailableException extends RuntimeException {

    public CommandUnavailableException(String subject, @Nullable Throwable cause) {
        super("No answer on " + subject, cause);
    }
}
