package io.ticketing.user.domain.model;

import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;

/**
 * A refresh token that cannot be used (401). The answer is the same whatever the reason, so a caller learns
 * nothing about other sessions; {@link #reuseDetected()} tells the service to revoke the whole family.
 */
public final class RefreshTokenRejected extends DomainProblem {

    /**
     * Why the token was refused. {@code ROTATED_WITHIN_GRACE}: already used, but so recently that it is taken for
     * the session's own client (a duplicated tab, a retried request), see {@link SessionPolicy#forgivesReuse}.
     */
    public enum Reason { UNKNOWN, EXPIRED, REVOKED, ROTATED_WITHIN_GRACE, REUSED }

    private final Reason reason;

    public RefreshTokenRejected(Reason reason) {
        super(ProblemKind.UNAUTHORIZED, "INVALID_REFRESH_TOKEN", "The refresh token is invalid, expired or revoked");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** An already rotated token came back after the grace: it was stolen or replayed, so its family must die. */
    public boolean reuseDetected() {
        return reason == Reason.REUSED;
    }
}
