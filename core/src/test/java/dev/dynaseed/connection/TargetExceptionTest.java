package dev.dynaseed.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Each kind of SDK failure becomes one line: what failed, where, and what to check. */
class TargetExceptionTest {
    private static final Target TARGET =
            new Target.Endpoint(URI.create("http://admin:secret@db.example:8000"), Optional.empty(), Optional.empty());

    private static TargetException from(SdkException e) {
        return TargetException.from(TARGET, "DescribeTable orders", e);
    }

    private static DynamoDbException service(int status, String code, String message) {
        return (DynamoDbException) DynamoDbException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage(message)
                        .build())
                .message(message)
                .build();
    }

    @Test
    void unknownHost_namesTheHost_andSuggestsCheckingUrlAndRegion() {
        TargetException e = from(SdkClientException.create(
                "Unable to execute HTTP request: db.example", new UnknownHostException("db.example")));

        assertThat(e.kind()).isEqualTo(TargetException.Kind.UNKNOWN_HOST);
        assertThat(e.getMessage())
                .isEqualTo("DescribeTable orders on endpoint http://db.example:8000 failed: the host name db.example"
                        + " does not resolve; check the host name in --endpoint-url, or the --region (e.g."
                        + " us-east-1)");
    }

    @Test
    void missingCredentials_sayHowToConfigureThem() {
        TargetException e = from(SdkClientException.create("Unable to load credentials from any of the providers in"
                + " the chain AwsCredentialsProviderChain(credentialsProviders=[...])\nmore detail"));

        assertThat(e.kind()).isEqualTo(TargetException.Kind.NO_CREDENTIALS);
        assertThat(e.getMessage())
                .doesNotContain("\n")
                .contains("failed: no AWS credentials were found; configure some ('aws configure'");
    }

    @Test
    void accessDenied_namesThePermissionToGrant() {
        TargetException e = from(service(400, "AccessDeniedException", "User: arn:x is not authorized"));

        assertThat(e.kind()).isEqualTo(TargetException.Kind.ACCESS_DENIED);
        assertThat(e.getMessage())
                .endsWith("failed: the target answered 400 AccessDeniedException: User: arn:x is not"
                        + " authorized; grant the credentials dynamodb:DescribeTable on the table");
    }

    @Test
    void rejectedCredentials_pointAtKeysAndRegion() {
        TargetException e = from(service(400, "UnrecognizedClientException", "The security token is invalid."));

        assertThat(e.kind()).isEqualTo(TargetException.Kind.CREDENTIALS_REJECTED);
        assertThat(e.getMessage()).contains("check the access key, secret and session token");
    }

    @Test
    void serverErrors_andNonDynamoDbAnswers_sayWhatToCheck() {
        TargetException failed = from(service(500, "InternalServerError", "boom"));
        TargetException notDynamo = from((DynamoDbException)
                DynamoDbException.builder().statusCode(404).message("Not Found").build());

        assertThat(failed.kind()).isEqualTo(TargetException.Kind.SERVICE);
        assertThat(failed.getMessage())
                .endsWith("answered 500 InternalServerError: boom; the server failed; retry later, or check its logs");
        assertThat(notDynamo.getMessage())
                .contains("the target answered 404: Not Found")
                .endsWith("check that the URL points at a DynamoDB-compatible endpoint");
    }

    @Test
    void messages_neverCarryAUrlPassword_evenWhenTheSdkMessageHasOne() {
        TargetException e = from(SdkClientException.create(
                "Unable to execute HTTP request to" + " http://admin:secret@db.example:8000/: Connection reset"));

        assertThat(e.getMessage()).doesNotContain("secret").doesNotContain("admin");
        assertThat(e.getMessage()).contains("http://db.example:8000/");
    }

    @Test
    void endpoints_redactUserInfo_inUrisAndText() {
        assertThat(Endpoints.withoutUserInfo(URI.create("https://u:p@h.example:9/x?y=1")))
                .isEqualTo(URI.create("https://h.example:9/x?y=1"));
        assertThat(Endpoints.redact("see http://u:p@h:1 and https://tok@h2/"))
                .isEqualTo("see http://h:1 and https://h2/");
        assertThat(Endpoints.redact("mail a@b.example")).isEqualTo("mail a@b.example");
        assertThat(Endpoints.redactUrl("admin:secret@host:8000")).isEqualTo("host:8000");
        assertThat(Endpoints.redactUrl("http://admin:p@ss@host/")).isEqualTo("http://host/");
    }
}
