package io.ticketing.ticket.adapter.in.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ticketing.platform.error.DomainProblem;
import org.jspecify.annotations.Nullable;

/** Parses {@code ?wait=}: {@code 5s}, {@code 500ms} or plain seconds; longer waits are cut to the maximum. */
final class WaitParameter {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s)?");

    private WaitParameter() {
    }

    static Duration parse(@Nullable String value, Duration max) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Matcher matcher = FORMAT.matcher(value.strip());
        if (!matcher.matches()) {
            throw DomainProblem.invalid("wait",
                    "must be a duration such as 5s or 500ms, at most " + max.toSeconds() + "s");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration wait = "ms".equals(matcher.group(2)) ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
