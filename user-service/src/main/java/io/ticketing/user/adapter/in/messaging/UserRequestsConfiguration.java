package io.ticketing.user.adapter.in.messaging;

import java.util.Map;
import java.util.Objects;

import io.ticketing.platform.command.RequestDefinition;
import io.ticketing.platform.command.RequestHandler;
import io.ticketing.proto.commands.v1.LogoutUser;
import io.ticketing.proto.commands.v1.RegisterUser;
import io.ticketing.user.application.port.in.LogOutCommand;
import io.ticketing.user.application.port.in.LogOutUseCase;
import io.ticketing.user.application.port.in.RegisterUserCommand;
import io.ticketing.user.application.port.in.RegisterUserUseCase;
import io.ticketing.user.application.port.in.UserProfile;
import io.ticketing.user.domain.model.Role;
import io.ticketing.user.domain.model.UserId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request-reply commands the gateway sends on {@code requests.user.*}. */
@Configuration(proxyBeanMethods = false)
class UserRequestsConfiguration {

    static final String SERVICE = "user";

    /** Anyone may register; the reply body is the new account {@code {id, email, fullName, roles}}. */
    @Bean
    RequestDefinition<RegisterUser> registerUserRequest(RegisterUserUseCase registerUser) {
        return RequestDefinition.of(SERVICE, RegisterUser.getDefaultInstance(), RequestDefinition.ANYONE,
                (command, context) -> {
                    UserProfile user = registerUser.register(RegisterUserCommand.of(command.getEmail(),
                            command.getPassword(), command.getFullName()));
                    return new RequestHandler.Reply(user.id().toString(), user);
                });
    }

    /** Ends the caller's session; the responder has already checked role USER, so a caller id is present. */
    @Bean
    RequestDefinition<LogoutUser> logoutUserRequest(LogOutUseCase logOut) {
        return RequestDefinition.of(SERVICE, LogoutUser.getDefaultInstance(), Role.USER.name(),
                (command, context) -> {
                    UserId caller = new UserId(Objects.requireNonNull(context.userId()));
                    logOut.logOut(new LogOutCommand(caller, command.getRefreshToken()));
                    return new RequestHandler.Reply("", Map.of());
                });
    }
}
