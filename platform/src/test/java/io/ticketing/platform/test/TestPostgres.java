package io.ticketing.platform.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests: a container when a Docker engine answers, otherwise the local server from
 * {@code PGHOST}/{@code PGPORT}/{@code PGUSER}/{@code PGPASSWORD} (default 127.0.0.1:5432, postgres).
 * Every call to {@link #freshDatabase} creates a new, empty database.
 */
public final class TestPostgres {

    private static volatile Server server;

    private TestPostgres() {
    }

    /** Connection coordinates of one test database. */
    public record Database(String url, String user, String password, String name) {
    }

    private record Server(String host, int port, String user, String password) {
        String url(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    public static Database freshDatabase(String prefix) {
        Server s = server();
        String name = (prefix.replaceAll("[^a-z0-9_]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase();
        try (Connection c = DriverManager.getConnection(s.url("postgres"), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + s.host() + ":" + s.port()
                    + " (is PostgreSQL running? ./ticketing test starts it)", e);
        }
        return new Database(s.url(name), s.user(), s.password(), name);
    }

    private static synchronized Server server() {
        if (server == null) {
            server = dockerAvailable() ? startContainer() : localServer();
        }
        return server;
    }

    private static Server localServer() {
        return new Server(env("PGHOST", "127.0.0.1"), Integer.parseInt(env("PGPORT", "5432")),
                env("PGUSER", "postgres"), env("PGPASSWORD", ""));
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Ryuk removes it
    private static Server startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
        container.start();
        return new Server(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
                container.getPassword());
    }

    private static boolean dockerAvailable() {
        if (System.getenv("TICKETING_TEST_LOCAL") != null) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
