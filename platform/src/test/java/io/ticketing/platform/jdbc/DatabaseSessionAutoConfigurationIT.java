package io.ticketing.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.ticketing.platform.test.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseSessionAutoConfigurationIT {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DatabaseSessionAutoConfiguration.class));

    @Test
    void theServerEndsASessionLeftIdleInATransaction() {
        TestPostgres.Database db = TestPostgres.freshDatabase("session_timeouts");
        context.withBean(HikariDataSource.class, () -> dataSource(db)).run(started -> {
            String timeout = JdbcClient.create(started.getBean(HikariDataSource.class))
                    .sql("SHOW idle_in_transaction_session_timeout").query(String.class).single();
            assertThat(timeout).isEqualTo(DatabaseSessionAutoConfiguration.IDLE_IN_TRANSACTION);
        });
    }

    @Test
    void aServiceThatSetsTheDriverOptionsKeepsThem() {
        TestPostgres.Database db = TestPostgres.freshDatabase("session_timeouts");
        context.withBean(HikariDataSource.class, () -> {
            HikariDataSource own = dataSource(db);
            own.addDataSourceProperty("options", "-c idle_in_transaction_session_timeout=42s");
            return own;
        }).run(started -> assertThat(JdbcClient.create(started.getBean(HikariDataSource.class))
                .sql("SHOW idle_in_transaction_session_timeout").query(String.class).single()).isEqualTo("42s"));
    }

    private static HikariDataSource dataSource(TestPostgres.Database db) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.url());
        dataSource.setUsername(db.user());
        dataSource.setPassword(db.password());
        dataSource.setMaximumPoolSize(1);
        return dataSource;
    }
}
