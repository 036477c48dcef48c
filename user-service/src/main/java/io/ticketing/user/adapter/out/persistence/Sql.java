package io.ticketing.user.adapter.out.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.JdbcUpdateAffectedIncorrectNumberOfRowsException;

/** Conversions and checks shared by the adapters of this package. */
final class Sql {

    private Sql() {
    }

    /** The type PgJDBC maps to timestamptz; UTC like the values read back. */
    static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** An update of a row the caller loaded must find it: a vanished row is an error, not a silent no-op. */
    static void expectOneRow(String sql, int updated) {
        if (updated != 1) {
            throw new JdbcUpdateAffectedIncorrectNumberOfRowsException(sql, 1, updated);
        }
    }
}
