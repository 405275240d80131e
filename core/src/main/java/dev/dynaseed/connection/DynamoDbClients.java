package dev.dynaseed.connection;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Builds the one {@link DynamoDbClient} a run uses for its target. */
public final class DynamoDbClients {
    /** The region local engines are addressed with; they accept any. */
    public static final Region LOCAL_REGION = Region.US_EAST_1;

    private DynamoDbClients() {}

    public static DynamoDbClient create(Target target) {
        return create(target, List.of());
    }

    /** A client for {@code target}; {@code interceptors} see every request (tests inject faults with them). */
    public static DynamoDbClient create(Target target, List<ExecutionInterceptor> interceptors) {
        Objects.requireNonNull(target, "target");
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .executionInterceptors(List.copyOf(interceptors))
                        .build());
        if (target instanceof Target.Local local) {
            builder.endpointOverride(local.endpoint()).region(LOCAL_REGION).credentialsProvider(localCredentials());
        } else if (target instanceof Target.Endpoint endpoint) {
            builder.endpointOverride(endpoint.endpoint())
                    .region(endpoint.region().map(Region::of).orElse(LOCAL_REGION))
                    .credentialsProvider(endpoint.profile()
                            .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                            .orElseGet(DynamoDbClients::defaultOrLocalCredentials));
        } else if (target instanceof Target.Aws aws) {
            aws.region().map(Region::of).ifPresent(builder::region);
            aws.profile().map(ProfileCredentialsProvider::create).ifPresent(builder::credentialsProvider);
        }
        return builder.build();
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
