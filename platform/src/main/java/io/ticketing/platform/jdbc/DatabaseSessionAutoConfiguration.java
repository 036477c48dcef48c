package io.ticketing.platform.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * A transaction left open by a client that vanished without closing its connection (its host lost power or its
 * network) keeps its row locks until the database's TCP keepalive gives up, hours later, and every consumer or job
 * that needs those rows waits as long. The database ends such a session after {@link #IDLE_IN_TRANSACTION}
 * instead: far longer than any transaction of ours stays idle (a batch of mails sent under its claim, a relay
 * awaiting its PubAcks), far shorter than hours. A service that sets the driver's {@code options} itself keeps
 * its own.
 */
@AutoConfiguration
@ConditionalOnClass(HikariDataSource.class)
public class DatabaseSessionAutoConfiguration {

    static final String IDLE_IN_TRANSACTION = "5min";
    static final String OPTIONS = "-c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION;

    @Bean
    static BeanPostProcessor idleInTransactionTimeout() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                // after binding, before the pool opens its first connection
                if (bean instanceof HikariDataSource dataSource
                        && !dataSource.getDataSourceProperties().containsKey("options")) {
                    dataSource.addDataSourceProperty("options", OPTIONS);
                }
                return bean;
            }
        };
    }
}
