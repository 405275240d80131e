package dev.dynaseed.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.testing.FakeCredentials;
import org.junit.jupiter.api.Test;

class SecretsTest {
    private static final String ECHOED = "The security token included in the request is invalid. Request headers:"
            + " X-amz-security-token: " + FakeCredentials.SESSION_TOKEN + "; Authorization: AWS4-HMAC-SHA256"
            + " Credential=" + FakeCredentials.ACCESS_KEY_ID + "/20261126/us-east-1/dynamodb/aws4_request,"
            + " SignedHeaders=host;x-amz-date, Signature=" + "0f".repeat(32) + "; Host: 127.0.0.1:8000";

    @Test
    void redact_removesTheKeyIdScopeSignatureAndToken_ofAnEchoedRequest_andKeepsTheRest() {
        String redacted = Secrets.redact(ECHOED);

        assertThat(FakeCredentials.leaks(redacted)).isEmpty();
        assertThat(redacted)
                .isEqualTo("The security token included in the request is invalid. Request headers:"
                        + " X-amz-security-token: ***; Authorization: AWS4-HMAC-SHA256 Credential=***,"
                        + " SignedHeaders=host;x-amz-date, Signature=***; Host: 127.0.0.1:8000");
    }

    @Test
    void redact_removesBareKeyIds_andNamedSecrets() {
        assertThat(Secrets.redact("key " + FakeCredentials.ACCESS_KEY_ID + " used"))
                .isEqualTo("key AKIA*** used");
        assertThat(Secrets.redact("aws_secret_access_key = " + FakeCredentials.SECRET_ACCESS_KEY))
                .isEqualTo("aws_secret_access_key = ***");
        assertThat(Secrets.redact("{\"sessionToken\":\"" + FakeCredentials.SESSION_TOKEN + "\"}"))
                .isEqualTo("{\"sessionToken\":\"***\"}");
    }

    @Test
    void targetException_messagesCarryNoCredential() {
        assertThat(new TargetException("DescribeTable t failed: " + ECHOED, null).getMessage())
                .doesNotContain(FakeCredentials.ACCESS_KEY_ID)
                .doesNotContain(FakeCredentials.SESSION_TOKEN)
                .contains("Credential=***");
    }
}
