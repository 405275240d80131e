package dev.dynaseed.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in spec: the seed tutorial's {@code sample-table-creator} scenario, exactly. Three tables keyed by
 * {@code transaction_id} (S) and {@code access_timestamp} (N), provisioned 5/5, three rows appended per run.
 */
public final class DefaultSpec {

    /** The seed's table names, in the order the seed creates them. */
    public static final List<String> TABLE_NAMES =
            List.of("webapp_user_logs", "mobile_user_logs", "utilityapp_user_logs");

    private DefaultSpec() {}

    /** The seed's scenario as a spec. */
    public static Spec seedScenario() {
        return new Spec(TABLE_NAMES.stream().map(DefaultSpec::table).toList());
    }

    /** The default spec as a commented YAML file, the text {@code dynaseed init} writes. */
    public static String yaml() {
        try (InputStream in = DefaultSpec.class.getResourceAsStream("default-spec.yaml")) {
            if (in == null) {
                throw new IllegalStateException("default-spec.yaml is missing from the dynaseed-core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read default-spec.yaml from the dynaseed-core jar", e);
        }
    }

    private static TableSpec table(String name) {
        Map<String, GeneratorSpec> attributes = new LinkedHashMap<>();
        attributes.put("transaction_id", new GeneratorSpec.Uuid1());
        attributes.put("access_timestamp", new GeneratorSpec.EpochSeconds(0));
        attributes.put("user_id", new GeneratorSpec.Uuid4());
        return new TableSpec(
                name,
                new KeySpec("transaction_id", KeyType.S),
                Optional.of(new KeySpec("access_timestamp", KeyType.N)),
                new BillingSpec.Provisioned(5, 5),
                Map.of(),
                new SeedSpec(3, ExistingDataPolicy.APPEND, Optional.empty(), Optional.empty(), attributes));
    }
}
