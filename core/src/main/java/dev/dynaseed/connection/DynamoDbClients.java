package dev.dynaseed.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the one {@link DynamoDbClient} a run uses for its target, with every call bounded by {@link CallTimeouts}
 * (per attempt and in all) so that no call waits forever, and once the endpoint has left a whole call unanswered
 * the calls that follow fail at once for that long instead of each waiting it out.
 */
public final class DynamoDbClients {
    /** The region local engines are addressed with; they accept any. */
    public static final Region LOCAL_REGION = Region.US_EAST_1;

    static {
        // Before any connection is made, where the entry points (CLI, Lambda handler) have not done it already.
        KeptConnections.keepEnough();
    }

    private DynamoDbClients() {}

    /** A client for {@code target} with the default timeouts (10 s per attempt, 30 s per call). */
    public static DynamoDbClient create(Target target) {
        return create(target, CallTimeouts.defaults(), List.of());
    }

    /** A client for {@code target} with the given timeouts. */
    public static DynamoDbClient create(Target target, CallTimeouts timeouts) {
        return create(target, timeouts, List.of());
    }

    /** A client with the default timeouts; {@code interceptors} see every request (tests inject faults with them). */
    public static DynamoDbClient create(Target target, List<ExecutionInterceptor> interceptors) {
        return create(target, CallTimeouts.defaults(), interceptors);
    }

    /** A client for {@code target} over the JDK's HTTP client; {@code interceptors} see every request. */
    public static DynamoDbClient create(Target target, CallTimeouts timeouts, List<ExecutionInterceptor> interceptors) {
        return create(target, timeouts, HttpStack.JDK, interceptors);
    }

    /** A client for {@code target} over {@code http} (the CLI's is {@link HttpStack#APACHE5}). */
    public static DynamoDbClient create(Target target, CallTimeouts timeouts, HttpStack http) {
        return create(target, timeouts, http, List.of());
    }

    /**
     * A client for {@code target} over {@code http}; {@code interceptors} see every request. Checks what it can
     * before any request: a named profile must exist in the AWS config or credentials file, a region for AWS must be
     * one the SDK knows.
     *
     * @throws TargetException when the profile, the region or the credentials setup cannot work
     */
    public static DynamoDbClient create(
            Target target, CallTimeouts timeouts, HttpStack http, List<ExecutionInterceptor> interceptors) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(http, "http");
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(timeouts.attempt())
                .apiCallTimeout(timeouts.total())
                .executionInterceptors(guarded(target, timeouts, interceptors));
        DynamoDbClientBuilder builder =
                DynamoDbClient.builder().httpClientBuilder(HttpClients.builder(http, target, timeouts));
        // A switch expression without default: a new kind of target does not compile until it is handled here.
        DynamoDbClientBuilder configured = switch (target.kind()) {
            case LOCAL -> local(builder, override, (Target.Local) target);
            case ENDPOINT -> endpoint(builder, (Target.Endpoint) target);
            case AWS -> aws(builder, override, (Target.Aws) target);
        };
        configured.overrideConfiguration(override.build());
        try {
            return configured.build();
        } catch (SdkClientException e) {
            if (TargetException.kindOf(e) == TargetException.Kind.NO_REGION) {
                throw TargetException.noRegion(target, e);
            }
            throw TargetException.from(target, "Setting up the DynamoDB client", e);
        }
    }

    private static DynamoDbClientBuilder local(
            DynamoDbClientBuilder builder, ClientOverrideConfiguration.Builder override, Target.Local local) {
        override.addExecutionInterceptor(new LocalEngineGone(local));
        return builder.endpointOverride(local.endpoint()).region(LOCAL_REGION).credentialsProvider(localCredentials());
    }

    private static DynamoDbClientBuilder endpoint(DynamoDbClientBuilder builder, Target.Endpoint endpoint) {
        endpoint.profile().ifPresent(profile -> {
            ProfileFiles files = ProfileFiles.read();
            requireProfile(files, profile);
            files.requireCredentials(profile);
        });
        // The SDK sends no user info anyway; dropping it keeps a password out of SDK messages and logs.
        return builder.endpointOverride(Endpoints.withoutUserInfo(endpoint.endpoint()))
                .region(endpoint.region().map(Region::of).orElse(LOCAL_REGION))
                .credentialsProvider(endpoint.profile()
                        .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                        .orElseGet(DynamoDbClients::defaultOrLocalCredentials));
    }

    private static Optional<Region> regionFromSystemSettings() {
        try {
            return Optional.ofNullable(new SystemSettingsRegionProvider().getRegion());
        } catch (SdkClientException e) {
            return Optional.empty();
        }
    }

    private static DynamoDbClientBuilder aws(
            DynamoDbClientBuilder builder, ClientOverrideConfiguration.Builder override, Target.Aws aws) {
        ProfileFiles files = ProfileFiles.read();
        aws.profile().ifPresent(profile -> {
            requireProfile(files, profile);
            files.requireCredentials(profile);
            // The SDK takes the region from aws.region / AWS_REGION before the profile's, as the AWS CLI does.
            if (aws.region().isEmpty() && regionFromSystemSettings().isEmpty()) {
                files.requireKnownRegion(profile);
            }
        });
        aws.region().map(DynamoDbClients::knownRegion).ifPresent(builder::region);
        aws.profile().ifPresent(profile -> {
            // The named profile also supplies the region when --region is absent, as the AWS CLI does.
            override.defaultProfileName(profile);
            builder.credentialsProvider(ProfileCredentialsProvider.create(profile));
        });
        return builder;
    }

    private static List<ExecutionInterceptor> guarded(
            Target target, CallTimeouts timeouts, List<ExecutionInterceptor> interceptors) {
        List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
        all.add(new UnansweredEndpointGuard(target.describe(), timeouts.total()));
        return List.copyOf(all);
    }

    /**
     * Whether {@code profile} is in the AWS config or credentials file (as the SDK finds them).
     *
     * @throws TargetException when one of the files does not parse, naming it and the line
     */
    public static boolean profileExists(String profile) {
        Objects.requireNonNull(profile, "profile");
        return ProfileFiles.read().exists(profile);
    }

    private static void requireProfile(ProfileFiles files, String profile) {
        if (!files.exists(profile)) {
            throw TargetException.noProfile(profile, files.configFile(), files.credentialsFile());
        }
    }

    private static Region knownRegion(String name) {
        Region region = Region.of(name);
        if (Optional.ofNullable(RegionMetadata.of(region)).isEmpty()) {
            throw TargetException.unknownRegion(name);
        }
        return region;
    }

    /**
     * Engines on this machine check that requests are signed, not by whom: any fixed, non-secret pair will do,
     * so no real credentials ever reach them.
     */
    public static AwsCredentialsProvider localCredentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("dynaseed-local", "dynaseed-local"));
    }

    /**
     * For an endpoint: credentials from the environment, system properties or the default profile, else the local
     * placeholder (an engine such as DynamoDB Local needs a signature, not an identity). Unlike the SDK's default
     * chain it never asks the EC2 or container metadata services, which only make sense for AWS itself.
     */
    private static AwsCredentialsProvider defaultOrLocalCredentials() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                        EnvironmentVariableCredentialsProvider.create(),
                        SystemPropertyCredentialsProvider.create(),
                        ProfileCredentialsProvider.create(),
                        localCredentials())
                .reuseLastProviderEnabled(true)
                .build();
    }
}
