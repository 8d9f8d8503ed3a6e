package dev.carrierhub.carriers.ups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.carrierhub.carriers.webhook.SignatureCheck;
import org.junit.jupiter.api.Test;

class UpsTrackAlertCredentialTest {
    private static final String CREDENTIAL = "trackalert-6f1c0e6b9a";

    @Test
    void theCredentialGivenAtSubscriptionIsAccepted() {
        assertThat(UpsTrackAlertCredential.verify(CREDENTIAL, CREDENTIAL)).isEqualTo(SignatureCheck.VALID);
    }

    @Test
    void anyOtherValueIsAMismatch() {
        assertThat(UpsTrackAlertCredential.verify(CREDENTIAL, "trackalert-6f1c0e6b9b")).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(UpsTrackAlertCredential.verify(CREDENTIAL, "trackalert")).as("a prefix").isEqualTo(SignatureCheck.MISMATCH);
        assertThat(UpsTrackAlertCredential.verify(CREDENTIAL, CREDENTIAL + "0")).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(UpsTrackAlertCredential.verify(CREDENTIAL, "Bearer " + CREDENTIAL)).isEqualTo(SignatureCheck.MISMATCH);
        assertThat(UpsTrackAlertCredential.verify(CREDENTIAL, CREDENTIAL.toUpperCase())).isEqualTo(SignatureCheck.MISMATCH);
    }

    @Test
    void noCredentialIsMalformed() {
        assertThat(UpsTrackAlertCredential.verify(CREDENTIAL, null)).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(UpsTrackAlertCredential.verify(CREDENTIAL, " ")).isEqualTo(SignatureCheck.MALFORMED);
        assertThat(UpsTrackAlertCredential.verify(CREDENTIAL, "x".repeat(1025))).isEqualTo(SignatureCheck.MALFORMED);
    }

    @Test
    void withoutAConfiguredCredentialNothingCanBeChecked() {
        assertThatThrownBy(() -> UpsTrackAlertCredential.verify("", CREDENTIAL)).isInstanceOf(IllegalArgumentException.class);
    }
}
