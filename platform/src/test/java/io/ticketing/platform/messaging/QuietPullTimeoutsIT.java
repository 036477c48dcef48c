package io.ticketing.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.impl.ErrorListenerLoggerImpl;
import io.nats.client.support.Status;
import io.ticketing.platform.test.TestNats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuietPullTimeoutsIT {

    private final Logger clientLog = Logger.getLogger(ErrorListenerLoggerImpl.class.getName());
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureClientLog() {
        clientLog.addHandler(capture);
    }

    @AfterEach
    void releaseClientLog() {
        clientLog.removeHandler(capture);
    }

    @Test
    void anExpiredPullRequestIsNotLoggedButOtherPullWarningsAre() throws Exception {
        try (Connection connection = Nats.connect(TestNats.url())) {
            QuietPullTimeouts listener = new QuietPullTimeouts();

            listener.pullStatusWarning(connection, null, new Status(408, "Request Timeout"));
            assertThat(logged).isEmpty();

            listener.pullStatusWarning(connection, null, new Status(409, "Exceeded MaxWaiting"));
            assertThat(logged).singleElement().asString().contains("409");
        }
    }
}
