package dev.dynaseed.connection;

import dev.dynaseed.DynaseedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** The target could not be reached or refused a request that every run needs (credentials, network, access). */
public final class TargetException extends DynaseedException {
    private static final long serialVersionUID = 1L;

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Wraps an SDK failure of {@code operation} with a hint on what to check. */
    public static TargetException of(String operation, SdkException e) {
        String hint;
        if (e instanceof SdkClientException) {
            hint = "check that the endpoint is reachable and that credentials and region are set"
                    + " (--endpoint-url, --region, --profile)";
        } else if (e instanceof DynamoDbException dynamo
                && dynamo.statusCode() == 400
                && dynamo.awsErrorDetails() != null
                && String.valueOf(dynamo.awsErrorDetails().errorCode()).contains("AccessDenied")) {
            hint = "the credentials lack permission for it; grant dynamodb:"
                    + operation.split(" ")[0];
        } else {
            hint = "see the message above; run with --verbose for details";
        }
        return new TargetException(operation + " failed: " + firstLine(e.getMessage()) + "; " + hint, e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
