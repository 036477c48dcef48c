package io.ticketing.platform.command;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.platform.messaging.InboundContext;
import io.ticketing.platform.messaging.MessageHeaders;
import io.ticketing.platform.tracing.Correlation;
import io.ticketing.proto.commands.v1.CommandReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers request-reply commands. Subscribes each subject in the service's queue group (one replica answers
 * each request) and runs every request on its own virtual thread so a slow one never stalls the others.
 * <p>
 * A request whose sender has stopped waiting (its {@code deadline} header is past: it queued behind others, say)
 * is not carried out: its reply would reach no one, and the client, told 503, may send it again. On stop, the
 * requests already running finish and are answered before the connection closes.
 */
public class RequestResponder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RequestResponder.class);

    private final Connection connection;
    private final List<RequestDefinition<?>> definitions;
    private final String queueGroup;
    private final JsonMapper json;
    /** How long stopping waits for the requests already running: longer than any sender waits. */
    private static final Duration IN_FLIGHT_GRACE = Duration.ofSeconds(10);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Dispatcher dispatcher;

    public RequestResponder(Connection connection, List<RequestDefinition<?>> definitions, String queueGroup,
            JsonMapper json) {
        this.connection = connection;
        this.definitions = definitions;
        this.queueGroup = queueGroup;
        this.json = json;
    }

    @Override
    public void start() {
        dispatcher = connection.createDispatcher();
        for (RequestDefinition<?> definition : definitions) {
            dispatcher.subscribe(definition.subject(), queueGroup,
                    msg -> executor.execute(() -> answer(definition, msg)));
        }
        log.info("Answering {} request subjects in queue group {}", definitions.size(), queueGroup);
    }

    private <T extends Message> void answer(RequestDefinition<T> definition, io.nats.client.Message msg) {
        if (msg.getReplyTo() == null) {
            return;
        }
        if (pastDeadline(msg)) {
            log.warn("Dropping request on {}: its sender stopped waiting before it could start", msg.getSubject());
            return;
        }
        String id = InboundContext.header(msg.getHeaders(), MessageHeaders.MESSAGE_ID);
        InboundContext context = InboundContext.from(id == null ? "" : id, msg.getSubject(), msg.getHeaders(), 1);
        CommandReply reply;
        try (Correlation.Scope ignored = Correlation.open(context.correlationId(), context.messageId(),
                context.traceparent())) {
            reply = handle(definition, msg, context);
        }
        try {
            connection.publish(msg.getReplyTo(), reply.toByteArray());
        } catch (IllegalStateException disconnected) {
            // the sender, not answered in time, answers its caller 503; the work itself is done (or refused)
            log.warn("Reply on {} lost: {}", msg.getSubject(), disconnected.getMessage());
        }
    }

    private boolean pastDeadline(io.nats.client.Message msg) {
        String deadline = InboundContext.header(msg.getHeaders(), MessageHeaders.DEADLINE);
        if (deadline == null) {
            return false;
        }
        try {
            // wall-clock time, as the sender's: not the service's business clock, which tests may set elsewhere
            return System.currentTimeMillis() > Long.parseLong(deadline.trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private <T extends Message> CommandReply handle(RequestDefinition<T> definition, io.nats.client.Message msg,
            InboundContext context) {
        try {
            if (!definition.requiredRole().isEmpty()) {
                if (context.userId() == null) {
                    throw new DomainProblem(ProblemKind.UNAUTHORIZED, "This command needs an authenticated caller");
                }
                if (!context.hasRole(definition.requiredRole())) {
                    throw DomainProblem.forbidden("This command needs role " + definition.requiredRole());
                }
            }
            T command = definition.parser().parseFrom(msg.getData());
            RequestHandler.Reply reply = definition.handler().handle(command, context);
            return Replies.success(reply.resourceId(), json.writeValueAsBytes(reply.body()));
        } catch (DomainProblem problem) {
            return Replies.problem(problem);
        } catch (InvalidProtocolBufferException e) {
            return Replies.problem(new DomainProblem(ProblemKind.INVALID_INPUT, "The command could not be parsed"));
        } catch (RuntimeException e) {
            log.error("Request on {} failed", msg.getSubject(), e);
            return Replies.internalError();
        }
    }

    @Override
    public void stop() {
        if (dispatcher != null) {
            connection.closeDispatcher(dispatcher);
            dispatcher = null;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(IN_FLIGHT_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Requests still running after {}; their replies are lost", IN_FLIGHT_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }
}
