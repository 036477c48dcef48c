package io.ticketing.user.application.port.in;

import io.ticketing.platform.error.Validation;
import io.ticketing.user.domain.model.EmailAddress;
import org.jspecify.annotations.Nullable;

/** E-mail (normalized, not syntax-checked: a bad one simply matches no account) and password. */
public record LogInCommand(String email, String password) {

    private static final int MAX_INPUT = 1024;

    public static LogInCommand of(@Nullable String email, @Nullable String password) {
        String normalized = EmailAddress.normalize(email);
        String pw = password == null ? "" : password;
        new Validation()
                .require(!normalized.isEmpty() && normalized.length() <= MAX_INPUT, "email", "must not be blank")
                .require(!pw.isEmpty() && pw.length() <= MAX_INPUT, "password", "must not be blank")
                .throwIfInvalid();
        return new LogInCommand(normalized, pw);
    }

    @Override
    public String toString() {
        return "LogInCommand[***]";
    }
}
