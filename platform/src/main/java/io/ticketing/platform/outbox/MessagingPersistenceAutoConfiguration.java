package io.ticketing.platform.outbox;

import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.ticketing.platform.command.RequestDefinition;
import io.ticketing.platform.command.RequestResponder;
import io.ticketing.platform.inbox.ConsumerDefinition;
import io.ticketing.platform.inbox.DeadLetters;
import io.ticketing.platform.inbox.DurableConsumer;
import io.ticketing.platform.inbox.Inbox;
import io.ticketing.platform.messaging.NatsAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messaging chassis of a service with a database: outbox writer and relay, inbox, durable consumers
 * for every {@link ConsumerDefinition} bean and a responder for every {@link RequestDefinition} bean.
 */
@AutoConfiguration(after = NatsAutoConfiguration.class,
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"})
@ConditionalOnClass({JdbcClient.class, DataSource.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class MessagingPersistenceAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(DataSource dataSource, PlatformTransactionManager transactionManager, JetStream jetStream,
            JsonMapper json, OutboxProperties properties, MeterRegistry meters) {
        return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), jetStream,
                json, properties, meters);
    }

    @Bean
    OutboxWriter outboxWriter(DataSource dataSource, JsonMapper json, OutboxRelay relay, OutboxProperties properties) {
        return new OutboxWriter(JdbcClient.create(dataSource), json, relay::wakeUp,
                properties.maxMessageSize().toBytes());
    }

    @Bean
    Inbox inbox(DataSource dataSource) {
        return new Inbox(JdbcClient.create(dataSource));
    }

    @Bean
    DeadLetters deadLetters(JetStream jetStream, @Value("${spring.application.name}") String service) {
        return new DeadLetters(jetStream, service);
    }

    @Bean
    SmartLifecycle durableConsumers(ObjectProvider<ConsumerDefinition> definitions, Connection connection,
            JetStream jetStream, PlatformTransactionManager transactionManager, Inbox inbox, DeadLetters deadLetters) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        List<DurableConsumer> consumers = definitions.orderedStream()
                .map(d -> new DurableConsumer(d, connection, jetStream, transactions, inbox, deadLetters))
                .toList();
        return new LifecycleGroup(List.copyOf(consumers));
    }

    @Bean
    RequestResponder requestResponder(ObjectProvider<RequestDefinition<?>> definitions, Connection connection,
            @Value("${spring.application.name}") String service, JsonMapper json) {
        return new RequestResponder(connection, definitions.orderedStream().toList(), service, json);
    }
}
