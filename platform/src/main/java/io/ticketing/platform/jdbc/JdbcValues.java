package io.ticketing.platform.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/** Instants to and from {@code timestamptz}, which JDBC 4.2 maps to {@code OffsetDateTime}, not to {@code Instant}. */
public final class JdbcValues {

    private JdbcValues() {
    }

    /** A parameter for a {@code timestamptz} column, in UTC like the values read back. */
    public static @Nullable OffsetDateTime timestamptz(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Instant requiredInstant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
