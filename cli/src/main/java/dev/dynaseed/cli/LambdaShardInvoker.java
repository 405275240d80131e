package dev.dynaseed.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.Endpoints;
import dev.dynaseed.shard.ShardAnswer;
import dev.dynaseed.shard.ShardInvoker;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.LambdaClientBuilder;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/**
 * Invokes the function through the SDK's {@link LambdaClient} (RequestResponse), one call per shard attempt, each
 * bounded by {@code --invoke-timeout} and never retried by the SDK: every re-invocation is the fan-out's own, so it is
 * counted and reported.
 */
final class LambdaShardInvoker implements ShardInvoker, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final LambdaClient client;
    private final String name;
    private final Optional<String> qualifier;
    private final String where;
    private final Duration timeout;

    private LambdaShardInvoker(
            LambdaClient client, String name, Optional<String> qualifier, String where, Duration timeout) {
        this.client = client;
        this.name = name;
        this.qualifier = qualifier;
        this.where = where;
        this.timeout = timeout;
    }

    static LambdaShardInvoker open(ViaLambdaOptions options, TargetOptions target) {
        Duration timeout = Duration.ofSeconds(options.invokeTimeout);
        LambdaClientBuilder builder = LambdaClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(timeout))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(timeout)
                        .apiCallTimeout(timeout));
        Optional<URI> endpoint = options.endpoint();
        String where;
        if (endpoint.isPresent()) {
            builder.endpointOverride(Endpoints.withoutUserInfo(endpoint.get()))
                    .region(Region.of(Optional.ofNullable(target.region).orElse("us-east-1")))
                    .credentialsProvider(target.profile == null ? localOrDefault() : profile(target.profile));
            where = "endpoint " + Endpoints.withoutUserInfo(endpoint.get());
        } else {
            Optional.ofNullable(target.region).map(Region::of).ifPresent(builder::region);
            if (target.profile != null) {
                builder.credentialsProvider(profile(target.profile));
            }
            where = "AWS Lambda" + (target.region == null ? "" : " in " + target.region);
        }
        String function = options.function;
        // name:alias, or an ARN (whose colons are its own) that the SDK takes as it is.
        Optional<String> qualifier = Optional.empty();
        String name = function;
        if (!function.startsWith("arn:") && function.contains(":")) {
            name = function.substring(0, function.indexOf(':'));
            qualifier = Optional.of(function.substring(function.indexOf(':') + 1));
        }
        try {
            return new LambdaShardInvoker(builder.build(), name, qualifier, where, timeout);
        } catch (SdkClientException e) {
            throw new InputException("--via-lambda: cannot set up the Lambda client for " + function + " at " + where
                    + ": " + firstLine(e.getMessage())
                    + "; pass --region (or set AWS_REGION), or --lambda-endpoint-url");
        }
    }

    /** {@code sample-table-creator:live at endpoint http://127.0.0.1:9001}. */
    String describe() {
        return name + qualifier.map(q -> ":" + q).orElse("") + " at " + where;
    }

    @Override
    public ShardAnswer invoke(ObjectNode event) {
        InvokeResponse response;
        try {
            response = client.invoke(r -> {
                r.functionName(name)
                        .invocationType(InvocationType.REQUEST_RESPONSE)
                        .payload(SdkBytes.fromUtf8String(event.toString()));
                qualifier.ifPresent(r::qualifier);
            });
        } catch (TooManyRequestsException e) {
            return new ShardAnswer.Failed(
                    ShardAnswer.Reason.THROTTLED,
                    "Lambda throttled Invoke " + describe() + " (429 " + errorOf(e) + "); lower --max-parallel, or"
                            + " raise the function's reserved concurrency or the account's concurrency quota");
        } catch (LambdaException e) {
            return lambdaError(e);
        } catch (ApiCallTimeoutException | ApiCallAttemptTimeoutException e) {
            return new ShardAnswer.Failed(
                    ShardAnswer.Reason.NO_ANSWER,
                    "Invoke " + describe() + " got no answer within " + timeout.toSeconds() + " s (--invoke-timeout);"
                            + " check that the endpoint answers and that --invoke-timeout is above the function's"
                            + " timeout");
        } catch (SdkClientException e) {
            return new ShardAnswer.Failed(
                    ShardAnswer.Reason.NO_ANSWER,
                    "Invoke " + describe() + " failed: " + firstLine(e.getMessage()) + "; check that the endpoint"
                            + " is reachable (--lambda-endpoint-url, --region) and the network");
        }
        String payload = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            return new ShardAnswer.Failed(
                    ShardAnswer.Reason.FUNCTION_ERROR,
                    "function " + describe() + " failed (" + response.functionError() + "): " + functionError(payload)
                            + "; check its log group /aws/lambda/" + name);
        }
        try {
            JsonNode answer = JSON.readTree(payload);
            JsonNode body = answer.path("body");
            if (!answer.path("statusCode").isInt() || !body.isTextual()) {
                throw new IOException("no statusCode and body");
            }
            return new ShardAnswer.Answered(answer.get("statusCode").intValue(), JSON.readTree(body.textValue()));
        } catch (IOException e) {
            return new ShardAnswer.Failed(
                    ShardAnswer.Reason.REFUSED,
                    "function " + describe() + " answered something other than dynaseed's {\"statusCode\", \"body\"}"
                            + " (" + shorten(payload) + "); check that it runs dynaseed's SeedHandler, this version");
        }
    }

    private ShardAnswer lambdaError(LambdaException e) {
        int status = e.statusCode();
        String error = errorOf(e);
        if (status == 429) {
            return new ShardAnswer.Failed(
                    ShardAnswer.Reason.THROTTLED,
                    "Lambda throttled Invoke " + describe() + " (429 " + error + "); lower --max-parallel");
        }
        if (status >= 500) {
            return new ShardAnswer.Failed(
                    ShardAnswer.Reason.SERVICE_ERROR,
                    "Lambda answered Invoke " + describe() + " with " + status + " " + error + "; a passing service"
                            + " error, invoked again with backoff");
        }
        String check = switch (status) {
            case 403 -> "check that the CLI's credentials allow lambda:InvokeFunction on this function";
            case 404 -> "check the function's name and alias (--via-lambda NAME[:ALIAS]) and the region";
            case 413 -> "the event is too large for Invoke (6 MB); use a smaller spec or the function's DYNASEED_SPEC";
            default -> "check the function and the request";
        };
        return new ShardAnswer.Failed(
                ShardAnswer.Reason.REFUSED,
                "Lambda refused Invoke " + describe() + " (" + status + " " + error + "); " + check);
    }

    private static String errorOf(SdkException e) {
        if (e instanceof LambdaException lambda && lambda.awsErrorDetails() != null) {
            String code =
                    Optional.ofNullable(lambda.awsErrorDetails().errorCode()).orElse("error");
            String message =
                    Optional.ofNullable(lambda.awsErrorDetails().errorMessage()).orElse("");
            return code + (message.isBlank() ? "" : ": " + firstLine(message));
        }
        return firstLine(e.getMessage());
    }

    private static String functionError(String payload) {
        try {
            JsonNode error = JSON.readTree(payload);
            String type = error.path("errorType").asText("");
            String message = error.path("errorMessage").asText("");
            if (!type.isEmpty() || !message.isEmpty()) {
                return shorten((type.isEmpty() ? "" : type + ": ") + firstLine(message));
            }
        } catch (IOException e) {
            // Not JSON: shown as it is below.
        }
        return shorten(payload);
    }

    private static AwsCredentialsProvider profile(String profile) {
        return ProfileCredentialsProvider.create(profile);
    }

    /** As for a DynamoDB endpoint: real credentials when configured, else the fixed local placeholder. */
    private static AwsCredentialsProvider localOrDefault() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        SystemPropertyCredentialsProvider.create(),
                        ProfileCredentialsProvider.create(),
                        DynamoDbClients.localCredentials())
                .reuseLastProviderEnabled(true)
                .build();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("").strip();
    }

    private static String shorten(String text) {
        String line = firstLine(text);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    @Override
    public void close() {
        client.close();
    }
}
