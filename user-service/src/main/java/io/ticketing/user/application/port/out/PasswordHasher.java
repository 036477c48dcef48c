package io.ticketing.user.application.port.out;

/** A slow adaptive password hash. */
public interface PasswordHasher {

    String hash(String rawPassword);

    boolean matches(String rawPassword, String storedHash);

    /**
     * Spends the time of a real {@link #matches} against a decoy hash and returns false: used when the e-mail
     * matches no account, so timing does not tell which addresses exist.
     */
    boolean matchesNothing(String rawPassword);
}
