package dev.carrierhub.core.problem;

import jakarta.ws.rs.core.Response;

/** HTTP 422, which Jakarta REST 3.1's {@link Response.Status} lacks: well-formed, but not acceptable. */
public final class UnprocessableContent implements Response.StatusType {
    public static final UnprocessableContent STATUS = new UnprocessableContent();

    private UnprocessableContent() {
    }

    @Override
    public int getStatusCode() {
        return 422;
    }

    @Override
    public Response.Status.Family getFamily() {
        return Response.Status.Family.CLIENT_ERROR;
    }

    @Override
    public String getReasonPhrase() {
        return "Unprocessable Content";
    }
}
