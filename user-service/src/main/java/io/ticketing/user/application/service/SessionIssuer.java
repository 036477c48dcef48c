package io.ticketing.user.application.service;

import java.security.SecureRandom;
import java.time.Instant;

import io.ticketing.platform.messaging.Ids;
import io.ticketing.user.application.port.in.SessionTokens;
import io.ticketing.user.application.port.out.AccessTokenIssuer;
import io.ticketing.user.application.port.out.RefreshTokenRepository;
import io.ticketing.user.domain.model.RefreshToken;
import io.ticketing.user.domain.model.RefreshTokenSecret;
import io.ticketing.user.domain.model.SessionPolicy;
import io.ticketing.user.domain.model.User;
import org.springframework.stereotype.Component;

/** Starts sessions and rotates their refresh tokens; shared by login and refresh. */
@Component
class SessionIssuer {

    private final SecureRandom random = new SecureRandom();
    private final RefreshTokenRepository tokens;
    private final AccessTokenIssuer accessTokens;
    private final SessionPolicy policy;

    SessionIssuer(RefreshTokenRepository tokens, AccessTokenIssuer accessTokens, SessionPolicy policy) {
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.policy = policy;
    }

    /** A new refresh token family for {@code user}; call inside a transaction. */
    SessionTokens start(User user, Instant now) {
        RefreshTokenSecret secret = RefreshTokenSecret.generate(random);
        tokens.add(RefreshToken.startFamily(Ids.newId(), user.id(), Ids.newId(), secret, now,
                policy.refreshTokenLifetime()));
        return tokens(user, secret, now);
    }

    /** Uses {@code token} and stores its successor; call inside a transaction. */
    SessionTokens rotate(RefreshToken token, User user, Instant now) {
        RefreshTokenSecret secret = RefreshTokenSecret.generate(random);
        RefreshToken.Rotation rotation = token.rotate(Ids.newId(), secret, now, policy);
        tokens.update(rotation.used());
        tokens.add(rotation.successor());
        return tokens(user, secret, now);
    }

    private SessionTokens tokens(User user, RefreshTokenSecret secret, Instant now) {
        AccessTokenIssuer.AccessToken access = accessTokens.issue(user, now);
        return new SessionTokens(access.value(), access.lifetime(), secret.value());
    }
}
