package io.ticketing.user.application.service;

import java.time.Clock;

import io.ticketing.user.application.port.in.LogOutCommand;
import io.ticketing.user.application.port.in.LogOutUseCase;
import io.ticketing.user.application.port.out.RefreshTokenRepository;
import io.ticketing.user.domain.model.RefreshTokenSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class LogOutService implements LogOutUseCase {

    private static final Logger log = LoggerFactory.getLogger(LogOutService.class);

    private final RefreshTokenRepository tokens;
    private final Clock clock;

    LogOutService(RefreshTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void logOut(LogOutCommand command) {
        tokens.findByHash(new RefreshTokenSecret(command.refreshToken()).hash())
                .filter(token -> token.belongsTo(command.caller()))
                .ifPresent(token -> {
                    // waits for a refresh of this session in flight, so the token it mints is revoked too
                    tokens.lockSession(token.familyId());
                    tokens.revokeFamily(token.familyId(), clock.instant());
                    log.info("User {} logged out of session {}", command.caller(), token.familyId());
                });
    }
}
