package dev.dynaseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

class WriteFailuresTest {
    private static DynamoDbException dynamo(int status, String code) {
        return (DynamoDbException) DynamoDbException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("message")
                        .build())
                .build();
    }

    @Test
    void throttlingServerErrorsTimeoutsAndConnectionFailures_areRetryable() {
        assertThat(WriteFailures.isRetryable(ProvisionedThroughputExceededException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .build())
                        .build()))
                .isTrue();
        assertThat(WriteFailures.isRetryable(dynamo(400, "ThrottlingException")))
                .isTrue();
        assertThat(WriteFailures.isRetryable(dynamo(500, "InternalServerError")))
                .isTrue();
        assertThat(WriteFailures.isRetryable(dynamo(503, "ServiceUnavailable"))).isTrue();
        assertThat(WriteFailures.isRetryable(ApiCallAttemptTimeoutException.create(1000)))
                .isTrue();
        assertThat(WriteFailures.isRetryable(
                        SdkClientException.create("Unable to execute HTTP request", new SocketException("reset"))))
                .isTrue();
        assertThat(WriteFailures.isRetryable(
                        SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused"))))
                .isTrue();
    }

    @Test
    void invalidRequestsMissingTablesAndDeniedAccess_areNotRetryable() {
        DynamoDbException invalid = dynamo(400, "ValidationException");
        assertThat(WriteFailures.isRetryable(invalid)).isFalse();
        assertThat(WriteFailures.isInvalidRequest(invalid)).isTrue();
        assertThat(WriteFailures.isRetryable(ResourceNotFoundException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ResourceNotFoundException")
                                .build())
                        .build()))
                .isFalse();
        assertThat(WriteFailures.isRetryable(dynamo(400, "AccessDeniedException")))
                .isFalse();
        assertThat(WriteFailures.isRetryable(SdkClientException.create("Unable to load credentials")))
                .isFalse();
    }

    @Test
    void describe_namesTheErrorCodeAndMessage() {
        assertThat(WriteFailures.describe(dynamo(503, "ServiceUnavailable"))).isEqualTo("ServiceUnavailable: message");
        assertThat(WriteFailures.describe(dynamo(503, null))).isEqualTo("HTTP 503: message");
    }

    @Test
    void describe_saysAConnectionFailureInPlainWords_withoutClassNamesOrSdkAttemptCounts() {
        String described = WriteFailures.describe(SdkClientException.create(
                "Unable to execute HTTP request: Connection refused (SDK Attempt Count: 1)",
                new ConnectException("Connection refused")));

        assertThat(described).isEqualTo("cannot connect (Connection refused)");
    }
}
