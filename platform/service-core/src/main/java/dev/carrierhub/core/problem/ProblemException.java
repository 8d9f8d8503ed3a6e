package dev.carrierhub.core.problem;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thrown by a resource or service to answer with a specific problem; carries no stack to the caller. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ProblemException(Response.StatusType status, String slug, String detail) {
        this(Problem.of(status, slug, detail));
    }

    public ProblemException(Response.StatusType status, String slug, String detail, List<String> errors) {
        this(Problem.of(status, slug, detail).withErrors(errors));
    }

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    private ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = headers;
    }

    /** The same problem, answered with one more response header (e.g. Retry-After on a 429). */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(problem, Map.copyOf(more));
    }

    public Problem problem() {
        return problem;
    }

    /** Response headers to send with the problem. */
    public Map<String, String> headers() {
        return headers;
    }
}
