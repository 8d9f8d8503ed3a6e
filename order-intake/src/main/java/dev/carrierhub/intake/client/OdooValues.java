package dev.carrierhub.intake.client;

import dev.carrierhub.odoo.client.OdooRecord;
import java.math.BigDecimal;

/** Odoo's {@code read} values as the reader uses them: null for Odoo's {@code false} (every empty value). */
final class OdooValues {
    private OdooValues() {
    }

    static String text(OdooRecord record, String field) {
        return record.text(field).orElse(null);
    }

    static Long manyToOneId(OdooRecord record, String field) {
        return record.many2one(field).map(OdooRecord.Many2one::id).orElse(null);
    }

    static String manyToOneName(OdooRecord record, String field) {
        return record.many2one(field).map(OdooRecord.Many2one::displayName).orElse(null);
    }

    static BigDecimal decimal(OdooRecord record, String field) {
        return record.decimal(field).orElse(null);
    }
}
