package dev.carrierhub.intake.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.carrierhub.core.problem.ProblemException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the webhook parser over many generated bodies (seeded, so a failure names its seed and
 * reproduces): whatever the body, the parser either refuses it with a 400 or 422 problem, or returns a
 * webhook that fits its {@code webhook_event} row. Nothing else — no other exception, so no 500.
 */
class OdooWebhookParserPropertiesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> RECORDINGS = List.of("picking-assigned-fields", "picking-assigned-nofields",
            "picking-assigned-nonascii", "picking-done-multipackage", "sale-order-confirmed");

    private final OdooWebhookParser parser = new OdooWebhookParser(MAPPER);

    static LongStream seeds() {
        return LongStream.range(0, 300);
    }

    static Stream<String> recordings() {
        return RECORDINGS.stream();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytesAreRefused(long seed) {
        Random random = new Random(seed);
        byte[] body = new byte[random.nextInt(3000)];
        random.nextBytes(body);

        assertThat(outcome(body)).isIn(400, 422);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jsonLikeTokenSoupIsRefusedOrStorable(long seed) {
        Random random = new Random(seed);
        String[] tokens = {"{", "}", "[", "]", ":", ",", "\"", "\"_model\"", "\"_id\"", "\"_action\"",
                "\"stock.picking\"", "\"sale.order\"", "11", "-1", "0", "1e999", "9223372036854775808", "true",
                "false", "null", " ", "\\u0000", "\\", "\"x\""};
        StringBuilder body = new StringBuilder();
        for (int i = random.nextInt(60); i > 0; i--) {
            body.append(tokens[random.nextInt(tokens.length)]);
        }

        outcome(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void everyTruncationOfARecordedWebhookIsA400(String recording) {
        String body = OdooWebhookParserTest.body(recording);

        for (int length = 0; length < body.length(); length++) {
            byte[] prefix = body.substring(0, length).getBytes(StandardCharsets.UTF_8);
            assertThat(outcome(prefix)).as("the first %d characters of %s", length, recording).isEqualTo(400);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aRecordedWebhookWithRandomEditsIsRefusedOrStorable(long seed) {
        Random random = new Random(seed);
        byte[] body = OdooWebhookParserTest.body(RECORDINGS.get(random.nextInt(RECORDINGS.size())))
                .getBytes(StandardCharsets.UTF_8);
        for (int edits = 1 + random.nextInt(5); edits > 0; edits--) {
            body = edit(random, body);
        }

        outcome(body);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aKeyFieldOfAnyTypeIsRefusedUnlessItIsWhatOdooSends(long seed) {
        Random random = new Random(seed);
        ObjectNode webhook = (ObjectNode) readTree(OdooWebhookParserTest.body("picking-assigned-fields"));
        String key = List.of("_model", "_id", "_action").get(random.nextInt(3));
        JsonNode value = anyValue(random, 3);
        webhook.set(key, value);

        int expected = switch (key) {
            case "_model" -> !value.isTextual() ? 400 : OdooModels.HANDLED.contains(value.asText()) ? 202 : 422;
            case "_id" -> value.isIntegralNumber() && value.canConvertToLong() && value.asLong() > 0 ? 202 : 400;
            default -> value.isNull() || value.isTextual() && value.asText().length() <= 300
                    && value.asText().chars().noneMatch(Character::isISOControl) ? 202 : 400;
        };
        assertThat(outcome(webhook.toString().getBytes(StandardCharsets.UTF_8))).as("%s = %s", key, value)
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hugeNumbersAreRefusedAsIdsAndNeverBreakTheParserElsewhere(long seed) {
        Random random = new Random(seed);
        String huge = hugeNumber(random);

        assertThat(outcome(("{\"_action\": \"Send Webhook Notification(#458)\", \"_id\": " + huge
                + ", \"_model\": \"stock.picking\"}").getBytes(StandardCharsets.UTF_8))).as(huge).isEqualTo(400);
        assertThat(outcome(("{\"_id\": 11, \"_model\": \"stock.picking\", \"shipping_weight\": " + huge + "}")
                .getBytes(StandardCharsets.UTF_8))).as(huge).isIn(202, 400);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jsonThatIsNotAnObjectIsA400(long seed) {
        Random random = new Random(seed);
        JsonNode value;
        do {
            value = anyValue(random, 4);
        } while (value.isObject());

        assertThat(outcome(value.toString().getBytes(StandardCharsets.UTF_8))).as(value.toString()).isEqualTo(400);
    }

    @ParameterizedTest(name = "depth {0}")
    @MethodSource("depths")
    void deepNestingIsRefusedOrStorable(int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);

        assertThat(outcome(("{\"_id\": 11, \"_model\": \"stock.picking\", \"x\": " + nested + "}")
                .getBytes(StandardCharsets.UTF_8))).isIn(202, 400);
        assertThat(outcome(nested.getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
    }

    static IntStream depths() {
        return IntStream.of(1, 10, 100, 499, 500, 501, 999, 1000, 1001, 5000, 50_000);
    }

    /** 202 for a webhook that fits its row, otherwise the problem's status; any other exception fails the test. */
    private int outcome(byte[] body) {
        try {
            String text = OdooWebhookParser.text(body);
            OdooWebhook webhook = parser.parse(text, OdooModels.HANDLED);
            assertThat(OdooModels.HANDLED).contains(webhook.model());
            assertThat(webhook.recordId()).isPositive();
            if (webhook.action() != null) {
                assertThat(webhook.action()).hasSizeLessThanOrEqualTo(300);
                assertThat(webhook.action().chars()).noneMatch(Character::isISOControl);
            }
            assertThat(text).as("PostgreSQL text cannot hold NUL").doesNotContain("\u0000");
            return 202;
        } catch (ProblemException refused) {
            assertThat(refused.problem().status()).isIn(400, 422);
            return refused.problem().status();
        } catch (RuntimeException unexpected) {
            return fail("the parser must refuse with a problem, not throw " + unexpected, unexpected);
        }
    }

    private static byte[] edit(Random random, byte[] body) {
        if (body.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(body.length);
        byte[] edited;
        switch (random.nextInt(4)) {
            case 0 -> {
                edited = body.clone();
                edited[at] = (byte) random.nextInt(256);
            }
            case 1 -> {
                edited = new byte[body.length + 1];
                System.arraycopy(body, 0, edited, 0, at);
                String inserts = " {}[]\",:0123456789-.etrufalsn\\\u0000";
                edited[at] = (byte) inserts.charAt(random.nextInt(inserts.length()));
                System.arraycopy(body, at, edited, at + 1, body.length - at);
            }
            case 2 -> {
                edited = new byte[body.length - 1];
                System.arraycopy(body, 0, edited, 0, at);
                System.arraycopy(body, at + 1, edited, at, body.length - at - 1);
            }
            default -> {
                int length = random.nextInt(body.length - at) + 1;
                edited = new byte[body.length + length];
                System.arraycopy(body, 0, edited, 0, at + length);
                System.arraycopy(body, at, edited, at + length, body.length - at);
            }
        }
        return edited;
    }

    private static JsonNode anyValue(Random random, int depth) {
        int kinds = depth > 0 ? 12 : 10;
        return switch (random.nextInt(kinds)) {
            case 0 -> NODES.textNode(randomText(random));
            case 1 -> NODES.textNode(List.of("stock.picking", "sale.order", "res.partner", "", "Send Webhook Notification(#458)")
                    .get(random.nextInt(5)));
            case 2 -> NODES.numberNode(random.nextInt());
            case 3 -> NODES.numberNode(random.nextLong());
            case 4 -> NODES.numberNode(new BigInteger(1 + random.nextInt(200), random).negate().add(BigInteger.valueOf(random.nextInt(3)))
                    .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)));
            case 5 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(40)));
            case 6 -> NODES.booleanNode(random.nextBoolean());
            case 7 -> NODES.nullNode();
            case 8 -> NODES.numberNode(1 + random.nextInt(1000));
            case 9 -> NODES.textNode("x".repeat(290 + random.nextInt(20)));
            case 10 -> {
                var array = NODES.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(anyValue(random, depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(randomText(random), anyValue(random, depth - 1));
                }
                yield object;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(20); i > 0; i--) {
            text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x20) : 0x20 + random.nextInt(0x2FF));
        }
        return text.toString();
    }

    private static String hugeNumber(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "9".repeat(19 + random.nextInt(2000));
            case 1 -> "-" + "9".repeat(1 + random.nextInt(2000));
            case 2 -> "1e" + (300 + random.nextInt(100_000));
            case 3 -> "1" + "0".repeat(random.nextInt(20)) + "." + "0".repeat(random.nextInt(2000)) + "1";
            case 4 -> new BigInteger(64 + random.nextInt(4000), random).add(BigInteger.valueOf(Long.MAX_VALUE)).toString();
            default -> "-0";
        };
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
