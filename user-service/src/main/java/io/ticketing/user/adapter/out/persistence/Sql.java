package io.ticketing.user.adapter.out.persistence;

import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;

/** Checks shared by the adapters of this package. */
final class Sql {

    private Sql() {
    }

    /** An update of a row the caller loaded must find it: a vanished row is an error, not a silent no-op. */
    static void expectOneRow(String sql, int updated) {
        if (updated != 1) {
            throw new JdbcUpdateAffectedIncorrectNumberOfRowsException(sql, 1, updated);
        }
    }
}
