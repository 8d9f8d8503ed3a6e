package dev.carrierhub.carriers.sandbox;

/** A request the sandbox refuses, answered as {@code {"error": {code, message, field}}}. */
final class ApiError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String field;

    ApiError(int status, String code, String message) {
        this(status, code, message, null);
    }

    ApiError(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static ApiError notFound(String what) {
        return new ApiError(404, "not_found", what + " not found");
    }

    static ApiError invalid(String field, String message) {
        return new ApiError(422, "invalid_request", message, field);
    }

    ApiReply reply() {
        return ApiReply.error(status, code, getMessage(), field);
    }
}
