package dev.carrierhub.carriers.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.contracts.shipment.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads the values of one carrier's JSON answers: amounts, ISO-8601 times and text fields. A value the
 * carrier sent but that cannot be read is a transient failure (a garbled answer may hide a bought label,
 * so looking it up again is safe), and its message names the carrier.
 */
public final class AnswerFields {
    private final String carrier;

    /** @param carrier the carrier's name as messages show it, e.g. {@code "EasyPost"} */
    public AnswerFields(String carrier) {
        this.carrier = carrier;
    }

    /** An amount and its currency (upper-cased), as the carrier sent them in text. */
    public Money money(String amount, String currency) {
        try {
            return new Money(new BigDecimal(amount), currency.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unreadable) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT,
                    carrier + " sent an unreadable amount: " + amount + " " + currency, unreadable);
        }
    }

    /** An ISO-8601 time with an offset. */
    public Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException unreadable) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, carrier + " sent an unreadable time: " + text, unreadable);
        }
    }

    /** A text field the answer must have. */
    public String requireText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new CarrierException(CarrierErrorKind.TRANSIENT, carrier + " answer lacks " + field);
        }
        return value;
    }

    /** A text (or number, or boolean) field as text; null when absent, null or empty. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
