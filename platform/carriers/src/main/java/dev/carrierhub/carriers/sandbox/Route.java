package dev.carrierhub.carriers.sandbox;

import java.util.List;
import java.util.regex.Pattern;

/** One method and path pattern of the sandbox API, and the endpoint that serves it. */
record Route(String method, Pattern path, Endpoint endpoint) {

    /** Serves one request; path parameters are the pattern's groups, in order. */
    @FunctionalInterface
    interface Endpoint {
        ApiReply handle(ApiRequest request, List<String> pathParams) throws ApiError;
    }

    static Route get(String path, Endpoint endpoint) {
        return new Route("GET", Pattern.compile(path), endpoint);
    }

    static Route post(String path, Endpoint endpoint) {
        return new Route("POST", Pattern.compile(path), endpoint);
    }

    static Route put(String path, Endpoint endpoint) {
        return new Route("PUT", Pattern.compile(path), endpoint);
    }
}
