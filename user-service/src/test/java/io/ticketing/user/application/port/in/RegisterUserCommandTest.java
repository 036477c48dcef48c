package io.ticketing.user.application.port.in;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.FieldViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegisterUserCommandTest {

    @Test
    void normalizesEmailAndName() {
        RegisterUserCommand command = RegisterUserCommand.of(" Ann@Example.com ", "correct horse", "  Ann Lee ");

        assertThat(command.email().value()).isEqualTo("ann@example.com");
        assertThat(command.fullName()).isEqualTo("Ann Lee");
        assertThat(command.password()).isEqualTo("correct horse");
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        DomainProblem problem = catchThrowableOfType(DomainProblem.class,
                () -> RegisterUserCommand.of("nope", "short", " "));

        assertThat(problem.kind().status()).isEqualTo(400);
        assertThat(problem.violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("email", "password", "fullName");
    }

    @Test
    void refusesTheEmailAsPasswordAndOverlongNames() {
        DomainProblem problem = catchThrowableOfType(DomainProblem.class,
                () -> RegisterUserCommand.of("ann.lee@example.com", "Ann.Lee@example.com", "x".repeat(101)));

        assertThat(problem.violations()).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("password", "fullName");
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(RegisterUserCommand.of("a@example.com", "hunter2hunter2", "A").toString())
                .doesNotContain("hunter2");
    }
}
