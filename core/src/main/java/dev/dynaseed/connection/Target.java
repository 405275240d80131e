package dev.dynaseed.connection;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Where tables live: the local engine, any DynamoDB-compatible endpoint, or AWS itself. */
public sealed interface Target {

    /** A one-line description for reports, e.g. {@code AWS eu-west-1 (profile dev)}. */
    String describe();

    /** Which variant this is, for switch expressions that must handle every one. */
    Kind kind();

    /** The kinds of target, one per variant. */
    enum Kind {
        LOCAL,
        ENDPOINT,
        AWS
    }

    /** The local engine (dynalite) on 127.0.0.1; its log file, when known, is named when it stops answering. */
    record Local(int port, Optional<Path> log) implements Target {
        public Local {
            Objects.requireNonNull(log, "log");
        }

        /** The engine on {@code port}, its log unknown. */
        public Local(int port) {
            this(port, Optional.empty());
        }

        /** The same engine with its log file known. */
        public Local withLog(Path logFile) {
            return new Local(port, Optional.of(logFile));
        }

        @Override
        public Kind kind() {
            return Kind.LOCAL;
        }

        public URI endpoint() {
            return URI.create("http://127.0.0.1:" + port);
        }

        @Override
        public String describe() {
            return "local engine (dynalite) at " + endpoint();
        }
    }

    /** Any DynamoDB-compatible endpoint, e.g. ScyllaDB Alternator or a DynamoDB Local you run. */
    record Endpoint(URI endpoint, Optional<String> region, Optional<String> profile) implements Target {
        @Override
        public Kind kind() {
            return Kind.ENDPOINT;
        }

        public Endpoint {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(profile, "profile");
        }

        /** Never with the URL's user info: a password in it would otherwise reach reports and logs. */
        @Override
        public String describe() {
            return "endpoint " + Endpoints.withoutUserInfo(endpoint);
        }

        @Override
        public String toString() {
            return "Endpoint[" + Endpoints.withoutUserInfo(endpoint) + ", region=" + region + ", profile=" + profile
                    + "]";
        }
    }

    /** Amazon DynamoDB through the SDK's default region and credential chains, optionally pinned. */
    record Aws(Optional<String> region, Optional<String> profile) implements Target {
        @Override
        public Kind kind() {
            return Kind.AWS;
        }

        public Aws {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(profile, "profile");
        }

        @Override
        public String describe() {
            return "AWS " + region.orElse("(default region)")
                    + profile.map(p -> " (profile " + p + ")").orElse("");
        }
    }
}
