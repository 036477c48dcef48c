package io.ticketing.train.application.port.in;

import java.util.UUID;

/** Parsing helpers for commands that arrive with wire-neutral strings. */
final class CommandFields {

    private CommandFields() {
    }

    static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean hasLength(String value, int min, int max) {
        return value.length() >= min && value.length() <= max;
    }
}
