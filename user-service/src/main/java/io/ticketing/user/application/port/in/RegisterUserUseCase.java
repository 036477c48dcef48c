package io.ticketing.user.application.port.in;

/** Creates an account with role USER and announces it with {@code UserRegistered}. */
public interface RegisterUserUseCase {

    /** @throws io.ticketing.user.domain.model.EmailAlreadyTaken when the address is in use (also under races) */
    UserProfile register(RegisterUserCommand command);
}
