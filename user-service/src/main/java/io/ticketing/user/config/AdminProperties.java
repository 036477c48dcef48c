package io.ticketing.user.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first administrator ({@code ticketing.admin.*}, from ADMIN_EMAIL / ADMIN_PASSWORD); none when unset. */
@ConfigurationProperties("ticketing.admin")
public record AdminProperties(@Nullable String email, @Nullable String password) {

    public boolean configured() {
        return email != null && !email.isBlank() && password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + ", password=***]";
    }
}
