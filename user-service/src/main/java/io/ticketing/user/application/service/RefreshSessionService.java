package io.ticketing.user.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.ticketing.user.application.port.in.RefreshSessionUseCase;
import io.ticketing.user.application.port.in.SessionTokens;
import io.ticketing.user.application.port.out.RefreshTokenRepository;
import io.ticketing.user.application.port.out.UserRepository;
import io.ticketing.user.domain.model.RefreshToken;
import io.ticketing.user.domain.model.RefreshTokenRejected;
import io.ticketing.user.domain.model.RefreshTokenSecret;
import io.ticketing.user.domain.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RefreshSessionService implements RefreshSessionUseCase {

    private static final Logger log = LoggerFactory.getLogger(RefreshSessionService.class);

    private final RefreshTokenRepository tokens;
    private final UserRepository users;
    private final SessionIssuer sessions;
    private final Clock clock;

    RefreshSessionService(RefreshTokenRepository tokens, UserRepository users, SessionIssuer sessions, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Commits on rejection too: revoking the family after a reuse must stick even though the call fails. */
    @Override
    @Transactional(noRollbackFor = RefreshTokenRejected.class)
    public SessionTokens refresh(String refreshToken) {
        Instant now = clock.instant();
        String hash = new RefreshTokenSecret(refreshToken).hash();
        UUID session = tokens.findByHash(hash)
                .orElseThrow(() -> new RefreshTokenRejected(RefreshTokenRejected.Reason.UNKNOWN)).familyId();
        tokens.lockSession(session);
        // read again under the locks: a concurrent refresh or logout of this session may have changed the token
        RefreshToken token = tokens.findByHashForUpdate(hash)
                .orElseThrow(() -> new RefreshTokenRejected(RefreshTokenRejected.Reason.UNKNOWN));
        User user = users.findById(token.userId())
                .orElseThrow(() -> new RefreshTokenRejected(RefreshTokenRejected.Reason.UNKNOWN));
        try {
            return sessions.rotate(token, user, now);
        } catch (RefreshTokenRejected rejected) {
            if (rejected.reuseDetected()) {
                tokens.revokeFamily(token.familyId(), now);
                log.warn("Refresh token reused for user {}: session {} revoked", user.id(), token.familyId());
            } else if (rejected.reason() == RefreshTokenRejected.Reason.ROTATED_WITHIN_GRACE) {
                log.info("Refresh token of user {} presented again within the reuse grace: session {} kept",
                        user.id(), token.familyId());
            }
            throw rejected;
        }
    }
}
