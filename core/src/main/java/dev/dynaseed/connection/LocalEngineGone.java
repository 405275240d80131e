package dev.dynaseed.connection;

import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * A refused connection to the local engine, which was answering when the command began, means it stopped: say so
 * plainly and point at its log instead of repeating the SDK's words.
 */
final class LocalEngineGone implements ExecutionInterceptor {
    private final Target.Local engine;

    LocalEngineGone(Target.Local engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        Throwable failure = context.exception();
        if (failure instanceof SdkException e && TargetException.kindOf(e) == TargetException.Kind.UNREACHABLE) {
            return SdkClientException.builder()
                    .message(TargetException.LOCAL_ENGINE_GONE + " (connection refused); "
                            + engine.log()
                                    .map(log -> "see its log: " + log)
                                    .orElse("check it with 'dynaseed local status'"))
                    .cause(e)
                    .build();
        }
        return failure;
    }
}
