package io.ticketing.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    @Test
    void anUnreachableOrBusyDatabaseIsTransient() {
        assertThat(TransientFailures.isTransient(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool timed out")))).isTrue();
        assertThat(TransientFailures.isTransient(new OptimisticLockingFailureException("version moved"))).isTrue();
        // a connection lost at commit, wrapped twice: found by its SQLSTATE down the cause chain
        assertThat(TransientFailures.isTransient(new TransactionSystemException("commit failed", new RuntimeException(
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(TransientFailures.isTransient(
                new SQLException("cannot execute INSERT in a read-only transaction", "25006"))).isTrue();
    }

    @Test
    void aFailureOfTheMessageItselfIsNot() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("handler bug"))).isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("invalid byte sequence for encoding", "22021")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("no state"))).isFalse();
    }
}
