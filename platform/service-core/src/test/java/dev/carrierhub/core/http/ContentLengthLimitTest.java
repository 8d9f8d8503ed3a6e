package dev.carrierhub.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.core.problem.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentLengthLimitTest {
    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void serve() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new ContentLengthLimit("/limited", 10, Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "too-large", "At most 10 bytes."))
                .install(router);
        router.route().handler(context -> context.request().body()
                .onSuccess(body -> context.response().end("got " + body.length())));
        server = vertx.createHttpServer().requestHandler(router).listen(0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null, false", "'', false", "0, false", "10, false", " 10 , false", "11, true",
            "99999999999999999999999, true", "-5, false", "12abc, false", "1e9, false"})
    void judgesTheDeclaredLength(String contentLength, boolean exceeds) {
        assertThat(ContentLengthLimit.exceeds(contentLength, 10)).isEqualTo(exceeds);
    }

    @Test
    void answersAnOversizedBodyUnderThePrefixWithAProblem() throws Exception {
        HttpResponse<String> response = post("/limited/acme", "x".repeat(11));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(response.body()).contains("\"type\":\"https://carrierhub.dev/problems/too-large\"")
                .contains("\"instance\":\"/limited/acme\"").contains("\"status\":413");
    }

    @Test
    void letsABodyWithinTheLimitAndOtherPathsThrough() throws Exception {
        assertThat(post("/limited/acme", "x".repeat(10)).body()).isEqualTo("got 10");
        assertThat(post("/elsewhere", "x".repeat(50)).body()).isEqualTo("got 50");
    }

    @Test
    void refusesAPrefixThatIsNotAPath() {
        assertThatThrownBy(() -> new ContentLengthLimit("webhooks", 1, Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "x", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.actualPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
