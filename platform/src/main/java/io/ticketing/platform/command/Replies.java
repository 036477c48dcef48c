package io.ticketing.platform.command;

import com.google.protobuf.ByteString;
import io.ticketing.platform.error.DomainProblem;
import io.ticketing.platform.error.FieldViolation;
import io.ticketing.platform.error.ProblemKind;
import io.ticketing.proto.commands.v1.CommandReply;
import io.ticketing.proto.commands.v1.CommandSucceeded;
import io.ticketing.proto.commands.v1.FieldError;
import io.ticketing.proto.commands.v1.Problem;

/** Builds command replies, and maps them back to problems on the gateway side. */
public final class Replies {

    private Replies() {
    }

    public static CommandReply success(String resourceId, byte[] jsonBody) {
        return CommandReply.newBuilder()
                .setSucceeded(CommandSucceeded.newBuilder().setResourceId(resourceId)
                        .setBody(ByteString.copyFrom(jsonBody)))
                .build();
    }

    public static CommandReply problem(DomainProblem problem) {
        Problem.Builder p = Problem.newBuilder()
                .setStatus(problem.kind().status())
                .setType(ProblemTypes.uri(problem))
                .setTitle(problem.kind().title())
                .setDetail(problem.getMessage() == null ? "" : problem.getMessage());
        if (problem.code() != null) {
            p.setCode(problem.code());
        }
        for (FieldViolation v : problem.violations()) {
            p.addErrors(FieldError.newBuilder().setField(v.field()).setMessage(v.message()));
        }
        return CommandReply.newBuilder().setProblem(p).build();
    }

    public static CommandReply internalError() {
        return problem(new DomainProblem(ProblemKind.INTERNAL, "The command could not be processed"));
    }
}
