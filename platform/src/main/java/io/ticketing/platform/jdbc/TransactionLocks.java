package io.ticketing.platform.jdbc;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL advisory locks held until the current transaction ends (commit or rollback, so a crashed caller
 * never keeps one), named by a string: the string is hashed to the lock's 64-bit key.
 */
public final class TransactionLocks {

    private TransactionLocks() {
    }

    /** Waits until no other transaction holds the lock named {@code name}, then holds it until this one ends. */
    public static void lock(JdbcClient jdbc, String name) {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:name, 0))")
                .param("name", name)
                .query(Integer.class)
                .single();
    }
}
