package dev.carrierhub.intake.rest;

import dev.carrierhub.core.problem.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem+json like every other error. Quarkus' own answers to its security exceptions
 * have no body, and platform/service-core's mappers only know {@code WebApplicationException}.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri, "This endpoint needs an operator's bearer token.", "Bearer");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri, "The bearer token is not valid (signature, issuer or expiry).",
                "Bearer error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, "forbidden",
                        e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().startsWith("io.quarkus")
                                ? e.getMessage() : "The token does not carry the role this endpoint needs.")
                .withInstance(uri.getPath()).toResponse();
    }

    /** With proactive authentication off (application.properties) Quarkus adds no challenge of its own. */
    private static Response unauthorized(UriInfo uri, String detail, String challenge) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail)
                        .withInstance(uri.getPath()).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }
}
