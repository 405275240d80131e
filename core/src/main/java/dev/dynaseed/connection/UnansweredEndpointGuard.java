package dev.dynaseed.connection;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.RequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Once a call ends because the endpoint accepted connections but never answered for the client's whole call
 * timeout, the calls that follow within that time fail at once instead of each waiting it out: a seed of 2,400
 * batches against a hung engine then ends in one call timeout, not in 2,400 / in-flight of them. Any answer closes
 * it; calls cut short by a run's deadline do not open it.
 */
final class UnansweredEndpointGuard implements ExecutionInterceptor {
    private static final Logger LOG = LoggerFactory.getLogger(UnansweredEndpointGuard.class);

    private final String endpoint;
    private final Duration callTimeout;
    private final AtomicReference<Open> open = new AtomicReference<>();

    private record Open(long untilNanos, SdkException cause) {}

    UnansweredEndpointGuard(String endpoint, Duration callTimeout) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        Open current = open.get();
        if (current != null && System.nanoTime() - current.untilNanos() < 0) {
            throw SdkClientException.builder()
                    .message(TargetException.NOT_SENT + "an earlier request to " + endpoint + " got "
                            + TargetException.reason(current.cause()) + "; nothing is sent there for "
                            + callTimeout.toSeconds() + " s after that")
                    .cause(current.cause())
                    .build();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        // Read first: a write from every writer thread on every answer would bounce this field between cores.
        if (open.get() != null) {
            open.set(null);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        if (!(context.exception() instanceof SdkException e)
                || String.valueOf(e.getMessage()).startsWith(TargetException.NOT_SENT)) {
            return;
        }
        // Only silence: a refused connection fails in moments by itself (and happens while an engine starts).
        if (TargetException.kindOf(e) == TargetException.Kind.NO_ANSWER && !cutShortByTheCaller(context)) {
            if (open.getAndSet(new Open(System.nanoTime() + callTimeout.toNanos(), e)) == null) {
                LOG.info("{} did not answer; failing further requests for {} s", endpoint, callTimeout.toSeconds());
            }
        }
    }

    /** A request whose own call timeout is shorter than the client's (a run's deadline) says nothing of the endpoint. */
    private boolean cutShortByTheCaller(Context.FailedExecution context) {
        Optional<Duration> own =
                context.request().overrideConfiguration().flatMap(RequestOverrideConfiguration::apiCallTimeout);
        return own.isPresent() && own.get().compareTo(callTimeout) < 0;
    }
}
