package io.ticketing.train.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Column and parameter conversions shared by the adapters of this package. */
final class Sql {

    /** exclusion_violation: an exclusion constraint refused the row */
    static final String EXCLUSION_VIOLATION = "23P01";
    static final String DEADLOCK_DETECTED = "40P01";

    private Sql() {
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** Whether {@code error} or one of its causes is a database error with that SQLState. */
    static boolean hasSqlState(Throwable error, String sqlState) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
