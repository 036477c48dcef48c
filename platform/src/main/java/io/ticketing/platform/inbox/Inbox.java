package io.ticketing.platform.inbox;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Records processed message ids; a record that already exists means "already handled". */
public class Inbox {

    private final JdbcClient jdbc;

    public Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run in the handler's transaction. Returns false when the message was processed before. */
    public boolean firstDelivery(String consumer, String messageId) {
        return jdbc.sql("""
                        INSERT INTO inbox_message (consumer, message_id) VALUES (:consumer, :id)
                        ON CONFLICT DO NOTHING""")
                .param("consumer", consumer)
                .param("id", messageId)
                .update() == 1;
    }
}
