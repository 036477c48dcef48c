package io.ticketing.platform.error;

/** What went wrong, independent of the transport that reports it (HTTP status, command reply). */
public enum ProblemKind {
    INVALID_INPUT(400, "invalid-input", "Invalid input"),
    UNAUTHORIZED(401, "unauthorized", "Authentication required"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    NOT_FOUND(404, "not-found", "Not found"),
    CONFLICT(409, "conflict", "Conflict"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    RULE_VIOLATED(422, "rule-violated", "Business rule violated"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL(500, "internal", "Internal error"),
    UNAVAILABLE(503, "unavailable", "Service unavailable");

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    /** The kind reported with an HTTP status, if one has that status. */
    public static java.util.Optional<ProblemKind> forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status) {
                return java.util.Optional.of(kind);
            }
        }
        return java.util.Optional.empty();
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
