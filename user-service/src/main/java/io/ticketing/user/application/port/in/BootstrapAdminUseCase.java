package io.ticketing.user.application.port.in;

/**
 * Makes sure the configured first administrator exists with roles USER and ADMIN. Idempotent and safe on
 * several replicas at once: an existing account keeps its password and only gains ADMIN.
 */
public interface BootstrapAdminUseCase {

    void ensureAdmin(RegisterUserCommand admin);
}
