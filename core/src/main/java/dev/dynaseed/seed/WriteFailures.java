package dev.dynaseed.seed;

import dev.dynaseed.connection.TargetException;
import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Which failed writes are worth sending again, and how a failure reads in a report. */
final class WriteFailures {
    private WriteFailures() {}

    /**
     * Throttling, 5xx, clock skew, timeouts and I/O failures (connection refused or reset) may pass; a request
     * DynamoDB judged invalid, a missing table or a denied access will not.
     */
    static boolean isRetryable(SdkException e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || e.retryable()) {
            return true;
        }
        if (e instanceof SdkServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500 || service.isClockSkewException();
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    static boolean isThrottling(RuntimeException e) {
        return e instanceof SdkServiceException service && service.isThrottlingException();
    }

    /** DynamoDB rejected the request's content (e.g. an empty key value): the same request can never succeed. */
    static boolean isInvalidRequest(RuntimeException e) {
        return e instanceof AwsServiceException service
                && service.statusCode() == 400
                && service.awsErrorDetails() != null
                && "ValidationException".equals(service.awsErrorDetails().errorCode());
    }

    /** How {@code e} reads in a report: DynamoDB's error code and message, else the reason in plain words. */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service
                && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            String code = service.awsErrorDetails().errorCode();
            return (code == null ? "HTTP " + service.statusCode() : code) + ": "
                    + service.awsErrorDetails().errorMessage();
        }
        return TargetException.reason(e);
    }
}
