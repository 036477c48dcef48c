package io.ticketing.platform.command;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
 */
public class RequestResponder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RequestResponder.class);

    private final Connection connection;
    private final List<RequestDefinition<?>> definitions;
    private final String queueGroup;
    private final JsonMapper json;
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
        String id = InboundContext.header(msg.getHeaders(), MessageHeaders.MESSAGE_ID);
        InboundContext context = InboundContext.from(id == null ? "" : id, msg.getSubject(), msg.getHeaders(), 1);
        CommandReply reply;
        try (Correlation.Scope ignored = Correlation.open(context.correlationId(), context.messageId(),
                context.traceparent())) {
            reply = handle(definition, msg, context);
        }
        connection.publish(msg.getReplyTo(), reply.toByteArray());
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
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }
}
