package dev.dynaseed.cli;

import dev.dynaseed.connection.CallTimeouts;
import dev.dynaseed.connection.DynamoDbClients;
import dev.dynaseed.connection.HttpClients;
import dev.dynaseed.connection.Target;
import dev.dynaseed.plan.LiveTableReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Runs the SDK's whole request pipeline once, for every call a plan and a seed's first batch make, against answers
 * made up in this process (an HTTP client that never opens a socket), on a daemon thread started as the JVM starts:
 * loading and initializing those classes (client building, marshalling, signing, answer and error unmarshalling) then
 * overlaps picocli and the spec reading instead of delaying the first item. Nothing leaves the process; whatever
 * goes wrong here is logged at debug level and changes nothing for the command.
 */
final class SessionWarmUp implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionWarmUp.class);
    private static final String TABLE = "dynaseed_warm_up";

    private SessionWarmUp() {}

    /** Starts the warm-up when {@code command} sends plan calls to a target (apply and plan do). */
    static void startFor(Class<?> command) {
        if (command == ApplyCommand.class || command == PlanCommand.class) {
            Thread thread = new Thread(new SessionWarmUp(), "dynaseed-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        try {
            int calls = warm();
            LOG.debug("warmed up the SDK with {} calls in {} ms", calls, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.debug("the SDK warm-up stopped early; the command goes on without it", e);
        }
    }

    /**
     * Warms up; how many calls were answered as meant.
     *
     * @throws IllegalStateException when a made-up answer was not read as meant (after an SDK upgrade, say)
     */
    static int warm() {
        // The command's own client sets up TLS (the JDK's trusted certificates) when it is built, even for http://:
        // done here first, it is done once, while picocli works, and the JDK keeps what it read.
        HttpClients.builder(Session.HTTP, new Target.Local(9), CallTimeouts.defaults())
                .build()
                .close();
        try (DynamoDbClient client = DynamoDbClient.builder()
                .httpClient(new MadeUpAnswers())
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(DynamoDbClients.LOCAL_REGION)
                .credentialsProvider(DynamoDbClients.localCredentials())
                .overrideConfiguration(
                        o -> o.apiCallAttemptTimeout(Duration.ofSeconds(10)).apiCallTimeout(Duration.ofSeconds(30)))
                .build()) {
            int calls = 0;
            expect(
                    "DescribeTable",
                    client.describeTable(r -> r.tableName(TABLE)).table() != null);
            calls++;
            expect(
                    "UpdateTimeToLive",
                    unknown(() -> client.updateTimeToLive(r -> r.tableName(TABLE)
                            .timeToLiveSpecification(
                                    t -> t.attributeName("expires_at").enabled(true)))));
            calls++;
            expect(
                    "UpdateContinuousBackups",
                    unknown(() -> client.updateContinuousBackups(r -> r.tableName(TABLE)
                            .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)))));
            calls++;
            expect(
                    "UpdateContributorInsights",
                    unknown(() -> client.updateContributorInsights(
                            r -> r.tableName(TABLE).contributorInsightsAction("ENABLE"))));
            calls++;
            expect(
                    "PutResourcePolicy",
                    unknown(() ->
                            client.putResourcePolicy(r -> r.resourceArn(arn()).policy("{}"))));
            calls++;
            client.describeTimeToLive(r -> r.tableName(TABLE));
            client.describeContinuousBackups(r -> r.tableName(TABLE));
            client.listTagsOfResource(r -> r.resourceArn(arn()));
            client.describeContributorInsights(r -> r.tableName(TABLE));
            client.getResourcePolicy(r -> r.resourceArn(arn()));
            calls += 5;
            Map<String, AttributeValue> item = Map.of(
                    "id", AttributeValue.fromS("warm-up"),
                    "n", AttributeValue.fromN("1"),
                    "b", AttributeValue.fromBool(true));
            client.batchWriteItem(r -> r.requestItems(Map.of(
                    TABLE,
                    List.of(WriteRequest.builder().putRequest(p -> p.item(item)).build()))));
            return calls + 1;
        }
    }

    private static void expect(String call, boolean asMeant) {
        if (!asMeant) {
            throw new IllegalStateException("the warm-up's made-up answer to " + call + " was not read as meant");
        }
    }

    /** Whether {@code call} failed as an engine without the operation answers (UnknownOperationException). */
    private static boolean unknown(Runnable call) {
        try {
            call.run();
            return false;
        } catch (AwsServiceException e) {
            return LiveTableReader.isUnknownOperation(e);
        }
    }

    private static String arn() {
        return "arn:aws:dynamodb:us-east-1:000000000000:table/" + TABLE;
    }

    /**
     * Answers every request in this process, as dynalite would: the Update* calls and PutResourcePolicy with
     * UnknownOperationException, DescribeTable with an ACTIVE table, the rest with an empty result.
     */
    private static final class MadeUpAnswers implements SdkHttpClient {
        private static final String DESCRIBED =
                "{\"Table\":{\"TableName\":\"" + TABLE + "\",\"TableStatus\":\"ACTIVE\","
                        + "\"TableArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/" + TABLE + "\","
                        + "\"CreationDateTime\":1.7E9,\"ItemCount\":0,\"TableSizeBytes\":0,"
                        + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                        + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5,"
                        + "\"NumberOfDecreasesToday\":0}}}";
        private static final String UNKNOWN =
                "{\"__type\":\"com.amazon.coral.service#UnknownOperationException\",\"message\":\"\"}";

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            String operation = request.httpRequest()
                    .firstMatchingHeader("X-Amz-Target")
                    .map(target -> target.substring(target.indexOf('.') + 1))
                    .orElse("");
            boolean unknown = operation.startsWith("Update") || operation.equals("PutResourcePolicy");
            String body = unknown ? UNKNOWN : operation.equals("DescribeTable") ? DESCRIBED : "{}";
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder()
                                    .statusCode(unknown ? 400 : 200)
                                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                                    .putHeader("Content-Length", Integer.toString(bytes.length))
                                    .build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                            .build();
                }

                @Override
                public void abort() {
                    // Answered at once; there is nothing to abort.
                }
            };
        }

        @Override
        public String clientName() {
            return "dynaseed-warm-up";
        }

        @Override
        public void close() {
            // Holds nothing.
        }
    }
}
