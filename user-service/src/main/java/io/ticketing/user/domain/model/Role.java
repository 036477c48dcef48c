package io.ticketing.user.domain.model;

/** What a user may do. Every account has USER; ADMIN manages the catalog. */
public enum Role {
    USER,
    ADMIN
}
