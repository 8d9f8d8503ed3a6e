package dev.carrierhub.odoo.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordedOdooTest {
    private static final int JOURNAL = 5;

    private final RecordedOdoo odoo = new RecordedOdoo(JOURNAL).start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        odoo.close();
    }

    @Test
    void calls_keeps_every_call_in_order_beyond_the_bounded_journal() throws Exception {
        for (int picking = 1; picking <= 3 * JOURNAL; picking++) {
            assertThat(executeKw("stock.picking", "write", "[[" + picking + "], {\"carrier_tracking_ref\": \"T" + picking + "\"}]"))
                    .isEqualTo(200);
        }

        List<RecordedOdoo.Call> writes = odoo.calls("stock.picking", "write");

        assertThat(odoo.server().getAllServeEvents()).hasSize(JOURNAL);
        assertThat(writes).extracting(call -> call.args().path(0).path(0).asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 3 * JOURNAL).boxed().toList());
        assertThat(writes).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
    }

    @Test
    void calls_tells_models_and_methods_apart_and_skips_what_is_not_execute_kw() throws Exception {
        executeKw("stock.picking", "message_post", "[[7]]");
        executeKw("mail.activity", "create", "[{}]");
        post("{\"jsonrpc\": \"2.0\", \"params\": {\"service\": \"common\", \"method\": \"version\", \"args\": []}}");

        assertThat(odoo.calls()).extracting(RecordedOdoo.Call::model, RecordedOdoo.Call::method)
                .containsExactly(tuple("stock.picking", "message_post"),
                        tuple("mail.activity", "create"));
        assertThat(odoo.calls("stock.picking", "message_post")).hasSize(1);
    }

    private int executeKw(String model, String method, String args) throws IOException, InterruptedException {
        return post("{\"jsonrpc\": \"2.0\", \"method\": \"call\", \"params\": {\"service\": \"object\", \"method\": "
                + "\"execute_kw\", \"args\": [\"db\", 2, \"key\", \"" + model + "\", \"" + method + "\", " + args
                + ", {}]}}");
    }

    private int post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(odoo.url() + "/jsonrpc"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
