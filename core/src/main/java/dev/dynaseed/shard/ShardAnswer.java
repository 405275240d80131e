package dev.dynaseed.shard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** What one invocation of the function for a shard came back with: the function's answer, or why there is none. */
public sealed interface ShardAnswer {

    /** The variants, one per record. */
    enum Kind {
        ANSWERED,
        FAILED
    }

    Kind kind();

    /**
     * The function ran and answered.
     *
     * @param statusCode the response's {@code statusCode} (200, 400 or 500)
     * @param body the response's {@code body}, parsed
     */
    record Answered(int statusCode, JsonNode body) implements ShardAnswer {
        public Answered {
            Objects.requireNonNull(body, "body");
        }

        @Override
        public Kind kind() {
            return Kind.ANSWERED;
        }
    }

    /**
     * No answer from the function.
     *
     * @param reason why, which decides whether to invoke again
     * @param message one line naming the function, the endpoint and what to check
     */
    record Failed(Reason reason, String message) implements ShardAnswer {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Kind kind() {
            return Kind.FAILED;
        }
    }

    /** Why an invocation has no answer. */
    enum Reason {
        /** 429 TooManyRequestsException: Lambda throttled the invocation (concurrency or rate). */
        THROTTLED("throttled"),
        /** A 5xx from Lambda (ServiceException, ENI and KMS errors, not ready). */
        SERVICE_ERROR("service error"),
        /** The function itself failed (X-Amz-Function-Error): an exception, a timeout, out of memory. */
        FUNCTION_ERROR("function error"),
        /** The call got no answer in time, or the connection failed. */
        NO_ANSWER("no answer"),
        /** Lambda refused the call for good (not found, access denied, invalid request): invoking again cannot help. */
        REFUSED("refused");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether invoking again may succeed. */
        public boolean passing() {
            return switch (this) {
                case THROTTLED, SERVICE_ERROR, FUNCTION_ERROR, NO_ANSWER -> true;
                case REFUSED -> false;
            };
        }
    }
}
