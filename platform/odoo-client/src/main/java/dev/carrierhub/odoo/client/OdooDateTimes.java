package dev.carrierhub.odoo.client;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Odoo's datetime values: naive UTC strings, {@code "2026-11-26 19:49:04"}, in reads, writes and domains. */
public final class OdooDateTimes {
    private static final DateTimeFormatter ODOO_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private OdooDateTimes() {
    }

    public static Instant parse(String text) {
        return LocalDateTime.parse(text, ODOO_DATETIME).toInstant(ZoneOffset.UTC);
    }

    /** The value Odoo expects, to the second (Odoo keeps no fractions). */
    public static String format(Instant instant) {
        return ODOO_DATETIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }
}
