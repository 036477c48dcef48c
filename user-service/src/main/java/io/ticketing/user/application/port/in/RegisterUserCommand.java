package io.ticketing.user.application.port.in;

import io.ticketing.platform.error.Validation;
import io.ticketing.user.domain.model.EmailAddress;
import io.ticketing.user.domain.model.FullName;
import io.ticketing.user.domain.model.PasswordPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A sign-up request, normalized and validated on construction (400 with every bad field). The e-mail is
 * trimmed and lower-cased, the full name trimmed; the password is kept exactly as typed.
 */
public record RegisterUserCommand(EmailAddress email, String password, String fullName) {

    public static RegisterUserCommand of(@Nullable String email, @Nullable String password,
            @Nullable String fullName) {
        String normalizedEmail = EmailAddress.normalize(email);
        String normalizedName = FullName.normalize(fullName == null ? "" : fullName);
        String pw = password == null ? "" : password;
        Validation validation = new Validation()
                .require(EmailAddress.isValid(normalizedEmail), "email", "must be a valid e-mail address");
        FullName.violation(normalizedName).ifPresent(m -> validation.require(false, "fullName", m));
        PasswordPolicy.violation(pw, normalizedEmail).ifPresent(m -> validation.require(false, "password", m));
        validation.throwIfInvalid();
        return new RegisterUserCommand(new EmailAddress(normalizedEmail), pw, normalizedName);
    }

    @Override
    public String toString() {
        return "RegisterUserCommand[email=" + email + ", fullName=" + fullName + "]";
    }
}
