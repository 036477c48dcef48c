package io.ticketing.platform.inbox;

import java.io.IOException;

import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.messaging.Subjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies a message that cannot be processed to {@code dlq.<service>}, with the reason in its headers. */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JetStream jetStream;
    private final String subject;

    public DeadLetters(JetStream jetStream, String service) {
        this.jetStream = jetStream;
        this.subject = Subjects.deadLetter(service);
    }

    public String subject() {
        return subject;
    }

    /** Publishes synchronously: the original is acknowledged only once its copy is safe. */
    public void send(String consumer, Message original, String messageId, Throwable error)
            throws IOException, JetStreamApiException {
        Headers headers = new Headers();
        if (original.getHeaders() != null) {
            original.getHeaders().entrySet().forEach(e -> headers.put(e.getKey(), e.getValue()));
        }
        headers.put(MessageHeaders.MESSAGE_ID, "dlq-" + consumer + "-" + messageId);
        headers.put(MessageHeaders.DLQ_CONSUMER, consumer);
        headers.put(MessageHeaders.DLQ_SUBJECT, original.getSubject());
        headers.put(MessageHeaders.DLQ_ERROR, describe(error));
        headers.put(MessageHeaders.DLQ_DELIVERIES, String.valueOf(deliveries(original)));
        jetStream.publish(NatsMessage.builder().subject(subject).headers(headers).data(original.getData()).build());
        log.error("Dead-lettered message {} from {} for consumer {}: {}", messageId, original.getSubject(), consumer,
                describe(error));
    }

    private static long deliveries(Message message) {
        return message.isJetStream() ? message.metaData().deliveredCount() : 1;
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        // header values are single-line
        text = text.replace('\r', ' ').replace('\n', ' ');
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
