package dev.carrierhub.rating.client;

import dev.carrierhub.core.client.OutboundCalls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import dev.carrierhub.carriers.RateResult;
import dev.carrierhub.contracts.events.Quote;
import dev.carrierhub.contracts.shipment.Money;
import dev.carrierhub.contracts.shipment.ServiceLevel;
import dev.carrierhub.testsupport.TestShipments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CarrierQuoterTest {
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CarrierQuoter quoter = new CarrierQuoter(
            new OutboundCalls(OpenTelemetry.noop().getTracer("test")), meters);

    @Test
    void aFailingAndALateCarrierAreLeftOutAndCountedWhileTheOthersQuoteWithinTheOneDeadline() {
        FakeConnector good = new FakeConnector("good", true, () -> CompletableFuture.completedFuture(
                new RateResult(List.of(quote("good", "G1", "5.00")), List.of())));
        FakeConnector down = new FakeConnector("down", true, () -> CompletableFuture.failedFuture(
                new CarrierException(CarrierErrorKind.UNAVAILABLE, "down answered 503")));
        FakeConnector slow = new FakeConnector("slow", true, CompletableFuture::new);

        long started = System.nanoTime();
        List<CarrierAnswer> answers = quoter.quote(TestShipments.domestic(), List.of(good, down, slow), TIMEOUT)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("asked in parallel, bounded by the timeout")
                .isLessThan(Duration.ofSeconds(2));
        assertThat(answers).extracting(CarrierAnswer::carrier).containsExactly("good", "down", "slow");
        assertThat(answers).extracting(CarrierAnswer::outcome).containsExactly(
                CarrierAnswer.Outcome.QUOTED, CarrierAnswer.Outcome.UNAVAILABLE, CarrierAnswer.Outcome.TIMEOUT);
        assertThat(answers.get(0).quotes()).hasSize(1);
        assertThat(answers.get(1).retryable()).isTrue();
        assertThat(answers.get(2).detail()).isEqualTo(
                "no answer within the rating deadline of 200 ms; a later answer is dropped");
        assertThat(count("good", "quoted")).isEqualTo(1.0);
        assertThat(count("down", "unavailable")).isEqualTo(1.0);
        assertThat(count("slow", "timeout")).isEqualTo(1.0);
        assertThat(meters.get("carrierhub.rating.quote.duration").tags("carrier", "slow", "outcome", "timeout").timer()
                .count()).isEqualTo(1);
    }

    @Test
    void aCarrierThatDoesNotRateIsNotAsked() {
        FakeConnector bookOnly = new FakeConnector("book-only", false, CompletableFuture::new);

        List<CarrierAnswer> answers = quoter.quote(TestShipments.domestic(), List.of(bookOnly), TIMEOUT)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(answers).isEmpty();
        assertThat(bookOnly.rateCalls).isZero();
    }

    @Test
    void aConnectorThatThrowsInsteadOfFailingItsStageIsAnErrorNotACrash() {
        FakeConnector broken = new FakeConnector("broken", true, () -> {
            throw new IllegalStateException("bug in the mapper");
        });
        FakeConnector empty = new FakeConnector("empty", true, () -> CompletableFuture.completedFuture(
                new RateResult(List.of(), List.of())));

        List<CarrierAnswer> answers = quoter.quote(TestShipments.domestic(), List.of(broken, empty), TIMEOUT)
                .await().atMost(Duration.ofSeconds(5));

        assertThat(answers).extracting(CarrierAnswer::outcome)
                .containsExactly(CarrierAnswer.Outcome.ERROR, CarrierAnswer.Outcome.NO_QUOTES);
        assertThat(answers.get(0).detail()).contains("bug in the mapper");
        assertThat(answers.get(1).retryable()).isFalse();
    }

    private double count(String carrier, String outcome) {
        return meters.get("carrierhub.rating.quotes").tags("carrier", carrier, "outcome", outcome).counter().count();
    }

    private static Quote quote(String carrier, String service, String price) {
        return new Quote(null, carrier, service, ServiceLevel.STANDARD, Money.of(price, "EUR"), 2);
    }
}
