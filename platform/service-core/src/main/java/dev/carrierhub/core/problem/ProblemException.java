package dev.carrierhub.core.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Thrown by a resource or service to answer with a specific problem; carries no stack to the caller. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Response.StatusType status, String slug, String detail) {
        this(Problem.of(status, slug, detail));
    }

    public ProblemException(Response.StatusType status, String slug, String detail, List<String> errors) {
        this(Problem.of(status, slug, detail).withErrors(errors));
    }

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
