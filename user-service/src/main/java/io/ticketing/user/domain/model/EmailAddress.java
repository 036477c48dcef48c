package io.ticketing.user.domain.model;

import java.util.Locale;
import java.util.regex.Pattern;

import io.ticketing.platform.error.DomainProblem;
import org.jspecify.annotations.Nullable;

/**
 * A normalized e-mail address: trimmed and lower-cased, so {@code " Ann@Example.COM "} and
 * {@code "ann@example.com"} are one account. The syntax check is deliberately practical (ASCII local part,
 * dotted domain of DNS labels) rather than the full RFC 5322 grammar.
 */
public record EmailAddress(String value) {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern LOCAL =
            Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    public EmailAddress {
        if (!isValid(value)) {
            throw DomainProblem.invalid("email", "must be a valid e-mail address");
        }
    }

    /** Trims and lower-cases; says nothing about validity. */
    public static String normalize(@Nullable String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    public static EmailAddress parse(@Nullable String raw) {
        return new EmailAddress(normalize(raw));
    }

    /** Whether an already normalized address is acceptable. */
    public static boolean isValid(String normalized) {
        int at = normalized.lastIndexOf('@');
        if (normalized.length() > MAX_LENGTH || at <= 0 || at > MAX_LOCAL_LENGTH) {
            return false;
        }
        return LOCAL.matcher(normalized.substring(0, at)).matches()
                && DOMAIN.matcher(normalized.substring(at + 1)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
