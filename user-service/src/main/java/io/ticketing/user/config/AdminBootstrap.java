package io.ticketing.user.config;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.user.application.port.in.BootstrapAdminUseCase;
import io.ticketing.user.application.port.in.RegisterUserCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the configured first administrator at start. A password that breaks the policy stops the start. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties admin;
    private final BootstrapAdminUseCase bootstrap;

    AdminBootstrap(AdminProperties admin, BootstrapAdminUseCase bootstrap) {
        this.admin = admin;
        this.bootstrap = bootstrap;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!admin.configured()) {
            log.info("No ADMIN_EMAIL/ADMIN_PASSWORD configured: no administrator bootstrapped");
            return;
        }
        RegisterUserCommand command;
        try {
            command = RegisterUserCommand.of(admin.email(), admin.password(), "Administrator");
        } catch (DomainProblem refused) {
            throw new IllegalStateException("ADMIN_EMAIL/ADMIN_PASSWORD refused: " + refused.violations().stream()
                    .map(v -> v.field() + " " + v.message()).toList());
        }
        bootstrap.ensureAdmin(command);
    }
}
