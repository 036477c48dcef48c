package io.ticketing.user.domain.model;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;

/**
 * A refresh token that cannot be used (401). The answer is the same whatever the reason, so a caller learns
 * nothing about other sessions; {@link #reuseDetected()} tells the service to revoke the whole family.
 */
public final class RefreshTokenRejected extends DomainProblem {

    public enum Reason { UNKNOWN, EXPIRED, REVOKED, REUSED }

    private final Reason reason;

    public RefreshTokenRejected(Reason reason) {
        super(ProblemKind.UNAUTHORIZED, "INVALID_REFRESH_TOKEN", "The refresh token is invalid, expired or revoked");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** An already rotated token came back: it was stolen or replayed, so its family must die. */
    public boolean reuseDetected() {
        return reason == Reason.REUSED;
    }
}
