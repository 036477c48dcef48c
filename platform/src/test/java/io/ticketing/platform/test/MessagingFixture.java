package io.ticketing.platform.test;

import java.io.IOException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.ticketing.platform.messaging.NatsProperties;
import io.ticketing.platform.messaging.StreamProvisioner;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Real PostgreSQL (fresh database with the platform's migrations) and real NATS (streams provisioned) for
 * tests of the messaging chassis without a Spring context.
 */
public final class MessagingFixture implements AutoCloseable {

    public final HikariDataSource dataSource;
    public final JdbcClient jdbc;
    public final TransactionTemplate transactions;
    public final Connection nats;

    private MessagingFixture(HikariDataSource dataSource, Connection nats) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.nats = nats;
    }

    public static MessagingFixture start(String name) throws IOException, InterruptedException, JetStreamApiException {
        TestPostgres.Database db = TestPostgres.freshDatabase(name);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.url());
        dataSource.setUsername(db.user());
        dataSource.setPassword(db.password());
        dataSource.setMaximumPoolSize(8);
        migrate(dataSource);
        Connection nats = Nats.connect(Options.builder().server(TestNats.url()).maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(100)).build());
        new StreamProvisioner(nats, natsProperties()).provision();
        return new MessagingFixture(dataSource, nats);
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
    }

    public static NatsProperties natsProperties() {
        return new NatsProperties(java.util.List.of(TestNats.url()), null, null, 1, Duration.ofMinutes(2),
                Duration.ofDays(1), true);
    }

    @Override
    public void close() throws InterruptedException {
        nats.close();
        dataSource.close();
    }
}
