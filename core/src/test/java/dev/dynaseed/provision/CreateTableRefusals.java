package dev.dynaseed.provision;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;

/**
 * Answers the first {@code refusals} CreateTable calls with DynamoDB's {@code LimitExceededException} (too many tables
 * being created at once), before they reach the server; later calls pass.
 */
final class CreateTableRefusals implements ExecutionInterceptor {
    private final int refusals;
    private final AtomicInteger calls = new AtomicInteger();

    CreateTableRefusals(int refusals) {
        this.refusals = refusals;
    }

    /** How many CreateTable calls were made, refused or not. */
    int calls() {
        return calls.get();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof CreateTableRequest && calls.incrementAndGet() <= refusals) {
            String message = "Subscriber limit exceeded: There is a limit of 500 tables in the CREATING state";
            throw LimitExceededException.builder()
                    .message(message)
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("LimitExceededException")
                            .errorMessage(message)
                            .serviceName("DynamoDb")
                            .build())
                    .build();
        }
    }
}
