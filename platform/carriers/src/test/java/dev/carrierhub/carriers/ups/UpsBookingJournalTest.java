package dev.carrierhub.carriers.ups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.carriers.BookingResult;
import dev.carrierhub.contracts.shipment.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UpsBookingJournalTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final UpsBookingJournal journal = new UpsBookingJournal(clock);

    @Test
    void forgetsBookingsAfterTheRetention() {
        journal.record("k", "f", booking("1Z1"));

        clock.advance(UpsBookingJournal.RETENTION.minusSeconds(1));
        assertThat(journal.find("k")).isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(journal.find("k")).isEmpty();
    }

    @Test
    void keepsTheNewestBookingsUpToItsCapacity() {
        for (int i = 0; i <= UpsBookingJournal.CAPACITY; i++) {
            journal.record("k" + i, "f", booking("1Z" + i));
        }

        assertThat(journal.find("k0")).isEmpty();
        assertThat(journal.find("k1")).isPresent();
        assertThat(journal.find("k" + UpsBookingJournal.CAPACITY)).isPresent();
    }

    @Test
    void remembersTheFingerprintOfTheRequest() {
        journal.record("k", "fingerprint", booking("1Z1"));

        assertThat(journal.recorded("k")).hasValueSatisfying(r -> assertThat(r.fingerprint()).isEqualTo("fingerprint"));
    }

    private static BookingResult booking(String id) {
        return new BookingResult(id, id, Money.of("1.00", "USD"), List.of(), List.of());
    }
}
