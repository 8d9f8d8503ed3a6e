package dev.carrierhub.carriers.ups;

import static dev.carrierhub.carriers.ups.UpsFixtures.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.carrierhub.carriers.CarrierErrorKind;
import dev.carrierhub.carriers.CarrierException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Failed answers and failed transports → the right {@link dev.carrierhub.carriers.CarrierErrorKind}. */
class UpsErrorResponseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private final UpsResponseMapper pdf = new UpsResponseMapper(UpsLabelFormat.PDF, CLOCK);

    @Test
    void statusesMapToKinds() {
        assertThat(pdf.toError(reply(401, "error-401.json")).kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);
        assertThat(pdf.toError(reply(403, "error-403.json")).kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);
        assertThat(pdf.toError(reply(500, "error-500.json")).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(pdf.toError(reply(502, "error-500.json")).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(pdf.toError(new UpsReply(408, "", null)).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(pdf.toError(reply(404, "error-400-postal-code.json")).kind())
                .isEqualTo(CarrierErrorKind.INVALID_REQUEST);
    }

    @Test
    void quotaExceededIsRateLimitedWithTheWaitUpsAskedFor() {
        CarrierException e = pdf.toError(new UpsReply(429, UpsFixtures.text("recorded/error-429.json"), "7"));

        assertThat(e.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.carrierMessage()).contains("Rate Limit Exceeded");
    }

    @Test
    void aGatewayPageOn503IsUnavailableWithoutACarrierMessage() {
        CarrierException e = pdf.toError(reply(503, "error-503.json"));

        assertThat(e.kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
        assertThat(e.carrierMessage()).isEmpty();
        assertThat(e.getMessage()).isEqualTo("UPS answered 503");
    }

    @Test
    void transportFailuresAreUnavailableWhenNothingWasSentAndTransientOtherwise() {
        assertThat(pdf.toError(new CompletionException(new ConnectException("refused"))).kind())
                .isEqualTo(CarrierErrorKind.UNAVAILABLE);
        assertThat(pdf.toError(new HttpConnectTimeoutException("connect timed out")).kind())
                .isEqualTo(CarrierErrorKind.UNAVAILABLE);
        assertThat(pdf.toError(new HttpTimeoutException("request timed out")).kind())
                .isEqualTo(CarrierErrorKind.TRANSIENT);
        assertThat(pdf.toError(new IOException("reset")).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
        CarrierException own = new CarrierException(CarrierErrorKind.AUTH_FAILED, "x");
        assertThat(pdf.toError(new CompletionException(own))).isSameAs(own);
    }

    @Test
    void tokenEndpointRefusalsAreTheAccountsProblem() {
        CarrierException refused = pdf.toTokenError(reply(401, "token-401.json"));
        assertThat(refused.kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);
        assertThat(refused.getMessage()).isEqualTo("UPS token endpoint answered 401 10401: ClientId is Invalid");
        assertThat(pdf.toTokenError(reply(400, "token-401.json")).kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);
        assertThat(pdf.toTokenError(reply(403, "token-401.json")).kind()).isEqualTo(CarrierErrorKind.AUTH_FAILED);
        assertThat(pdf.toTokenError(new UpsReply(429, UpsFixtures.text("recorded/token-429.json"), "30")))
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(CarrierErrorKind.RATE_LIMITED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                    assertThat(e.carrierMessage()).contains("Quota Limit Exceeded");
                });
        assertThat(pdf.toTokenError(new UpsReply(503, "", null)).kind()).isEqualTo(CarrierErrorKind.UNAVAILABLE);
        assertThat(pdf.toTokenError(new UpsReply(500, "", null)).kind()).isEqualTo(CarrierErrorKind.TRANSIENT);
    }

    @Test
    void aTokenAnswerGivesTheTokenAndItsLifetimeWhichUpsWritesAsAString() {
        UpsResponseMapper.AccessToken token = pdf.toAccessToken(reply(200, "token-200.json"));

        assertThat(token.value()).isEqualTo("test-access-token-1");
        assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(14399));
        assertThat(token.toString()).doesNotContain("test-access-token-1");
        assertThat(pdf.toAccessToken(new UpsReply(200, "{\"access_token\":\"t\",\"expires_in\":3600}", null))
                .expiresIn()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(pdf.toAccessToken(new UpsReply(200, "{\"access_token\":\"t\"}", null)).expiresIn())
                .isEqualTo(Duration.ofSeconds(60));
    }
}
