package dev.dynaseed.spec;

import dev.dynaseed.generate.GeneratorKinds;
import dev.dynaseed.generate.Parameter;
import dev.dynaseed.spec.internal.YamlText;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes a spec as YAML that {@link SpecReader} reads back to an equal spec, each table optionally preceded by comment
 * lines (where it came from, what to do next); what is at its default is left out, as a user would write it.
 */
public final class SpecWriter {
    private final StringBuilder out = new StringBuilder();

    private SpecWriter() {}

    /** The spec as YAML, without comments. */
    public static String write(Spec spec) {
        return write(spec, Map.of());
    }

    /**
     * The spec as YAML; {@code comments} maps a table name to the comment lines written above it (without
     * {@code #}).
     */
    public static String write(Spec spec, Map<String, List<String>> comments) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(comments, "comments");
        SpecWriter writer = new SpecWriter();
        writer.line(0, "version: 1");
        writer.line(0, "tables:");
        for (TableSpec table : spec.tables()) {
            for (String comment : comments.getOrDefault(table.name(), List.of())) {
                comment.lines().forEach(text -> writer.line(2, ("# " + text).stripTrailing()));
            }
            writer.table(table);
        }
        return writer.out.toString();
    }

    private void table(TableSpec table) {
        line(2, "- name: " + YamlText.scalar(table.name()));
        line(4, "partitionKey: " + key(table.partitionKey()));
        table.sortKey().ifPresent(key -> line(4, "sortKey: " + key(key)));
        line(4, "billing: " + billing(table.billing()));
        if (!table.tags().isEmpty()) {
            line(4, "tags: " + flowMap(table.tags()));
        }
        TableFeatures f = table.features();
        if (!f.globalSecondaryIndexes().isEmpty()) {
            line(4, "globalSecondaryIndexes:");
            f.globalSecondaryIndexes().forEach(this::global);
        }
        if (!f.localSecondaryIndexes().isEmpty()) {
            line(4, "localSecondaryIndexes:");
            for (LocalIndexSpec index : f.localSecondaryIndexes()) {
                line(6, "- name: " + YamlText.scalar(index.name()));
                line(8, "sortKey: " + key(index.sortKey()));
                line(8, "projection: " + projection(index.projection()));
                if (index.sparse()) {
                    line(8, "sparse: true");
                }
            }
        }
        f.timeToLiveAttribute().ifPresent(ttl -> line(4, "timeToLive: {attribute: " + YamlText.scalar(ttl) + "}"));
        f.stream().ifPresent(view -> line(4, "stream: {viewType: " + view.name() + "}"));
        f.pointInTimeRecovery()
                .ifPresent(pitr -> line(
                        4,
                        "pointInTimeRecovery: {enabled: " + pitr.enabled()
                                + pitr.recoveryPeriodDays()
                                        .map(days -> ", recoveryPeriodDays: " + days)
                                        .orElse("")
                                + "}"));
        f.encryption()
                .ifPresent(sse -> line(
                        4,
                        "encryption: {type: " + sse.type().name()
                                + sse.kmsKeyId()
                                        .map(key -> ", kmsKeyId: " + YamlText.scalar(key))
                                        .orElse("")
                                + "}"));
        f.tableClass().ifPresent(tableClass -> line(4, "tableClass: " + tableClass.name()));
        f.deletionProtection().ifPresent(on -> line(4, "deletionProtection: " + on));
        f.warmThroughput().ifPresent(warm -> line(4, "warmThroughput: " + warm(warm)));
        f.resourcePolicy().ifPresent(policy -> line(4, "resourcePolicy: " + YamlText.quoted(policy)));
        f.contributorInsights().ifPresent(on -> line(4, "contributorInsights: " + on));
        seed(table.seed());
    }

    private void global(GlobalIndexSpec index) {
        line(6, "- name: " + YamlText.scalar(index.name()));
        line(8, "partitionKey: " + keys(index.partitionKeys()));
        if (!index.sortKeys().isEmpty()) {
            line(8, "sortKey: " + keys(index.sortKeys()));
        }
        line(8, "projection: " + projection(index.projection()));
        index.provisionedThroughput().ifPresent(capacity -> {
            line(8, "readCapacity: " + capacity.readCapacity());
            line(8, "writeCapacity: " + capacity.writeCapacity());
        });
        index.onDemandThroughput().ifPresent(limits -> limits(limits).forEach(text -> line(8, text)));
        index.warmThroughput().ifPresent(warm -> line(8, "warmThroughput: " + warm(warm)));
        if (index.sparse()) {
            line(8, "sparse: true");
        }
    }

    private void seed(SeedSpec seed) {
        if (seed.equals(SeedSpec.none())) {
            return;
        }
        line(4, "seed:");
        line(6, "count: " + seed.count());
        line(6, "onExisting: " + seed.onExisting().specName());
        seed.randomSeed().ifPresent(value -> line(6, "randomSeed: " + value));
        seed.baseTime().ifPresent(time -> line(6, "baseTime: " + YamlText.quoted(time.toString())));
        if (seed.attributes().isEmpty()) {
            line(6, "attributes: {}");
        } else {
            line(6, "attributes:");
            seed.attributes()
                    .forEach((name, generator) -> line(8, YamlText.scalar(name) + ": " + generator(generator)));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (ItemSourceSpec source : seed.sources()) {
            switch (source.kind()) {
                case INLINE -> items.addAll(((ItemSourceSpec.Inline) source).items());
            }
        }
        if (!items.isEmpty()) {
            line(6, "items:");
            items.forEach(item -> line(8, "- " + YamlText.dynamoJson(item)));
        }
    }

    /** A generator as its bare name, or an object with every parameter not at its default. */
    static String generator(GeneratorSpec generator) {
        List<Parameter> parameters = GeneratorKinds.of(generator.kind()).parameters();
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : generator.getClass().getRecordComponents()) {
            Object value = value(component, generator);
            if (value instanceof Optional<?> optional) {
                if (optional.isEmpty()) {
                    continue;
                }
                value = optional.get();
            }
            if (value instanceof Collection<?> list && list.isEmpty()) {
                continue;
            }
            if (atDefault(component.getName(), value, parameters)) {
                continue;
            }
            fields.add(component.getName() + ": " + literal(value));
        }
        String name = generator.kind().specName();
        return fields.isEmpty() ? name : "{generator: " + name + ", " + String.join(", ", fields) + "}";
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
        }
    }

    private static boolean atDefault(String name, Object value, List<Parameter> parameters) {
        return parameters.stream()
                .filter(parameter -> parameter.name().equals(name))
                .flatMap(parameter -> parameter.defaultValue().stream())
                .anyMatch(defaultValue -> defaultValue instanceof Number number
                        && value instanceof Number actual
                        && new BigDecimal(number.toString()).compareTo(new BigDecimal(actual.toString())) == 0);
    }

    private static String literal(Object value) {
        if (value instanceof SpecValue.Text text) {
            return YamlText.scalar(text.value());
        }
        if (value instanceof SpecValue.Number number) {
            return YamlText.number(number.value());
        }
        if (value instanceof SpecValue.Bool bool) {
            return String.valueOf(bool.value());
        }
        if (value instanceof BigDecimal decimal) {
            return YamlText.number(decimal);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof String text) {
            return YamlText.scalar(text);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(SpecWriter::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        throw new IllegalStateException("a generator parameter of type "
                + value.getClass().getName() + " cannot be written; teach SpecWriter.literal about it");
    }

    private static String key(KeySpec key) {
        return "{name: " + YamlText.scalar(key.name()) + ", type: " + key.type().name() + "}";
    }

    private static String keys(List<KeySpec> keys) {
        return keys.size() == 1
                ? key(keys.get(0))
                : keys.stream().map(SpecWriter::key).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String billing(BillingSpec billing) {
        return switch (billing.kind()) {
            case PROVISIONED -> {
                BillingSpec.Provisioned provisioned = (BillingSpec.Provisioned) billing;
                yield "{mode: PROVISIONED, readCapacity: " + provisioned.readCapacity() + ", writeCapacity: "
                        + provisioned.writeCapacity() + "}";
            }
            case PAY_PER_REQUEST -> {
                List<String> fields = new ArrayList<>(List.of("mode: PAY_PER_REQUEST"));
                ((BillingSpec.PayPerRequest) billing).limits().ifPresent(limits -> fields.addAll(limits(limits)));
                yield "{" + String.join(", ", fields) + "}";
            }
        };
    }

    private static List<String> limits(OnDemandLimits limits) {
        List<String> fields = new ArrayList<>();
        limits.maxReadRequestUnits().ifPresent(units -> fields.add("maxReadRequestUnits: " + units));
        limits.maxWriteRequestUnits().ifPresent(units -> fields.add("maxWriteRequestUnits: " + units));
        return fields;
    }

    private static String projection(ProjectionSpec projection) {
        return switch (projection.type()) {
            case ALL, KEYS_ONLY -> projection.type().name();
            case INCLUDE ->
                "{type: INCLUDE, attributes: "
                        + projection.nonKeyAttributes().stream()
                                .map(YamlText::scalar)
                                .collect(Collectors.joining(", ", "[", "]"))
                        + "}";
        };
    }

    private static String warm(WarmThroughputSpec warm) {
        List<String> fields = new ArrayList<>();
        warm.readUnitsPerSecond().ifPresent(units -> fields.add("readUnitsPerSecond: " + units));
        warm.writeUnitsPerSecond().ifPresent(units -> fields.add("writeUnitsPerSecond: " + units));
        return "{" + String.join(", ", fields) + "}";
    }

    private static String flowMap(Map<String, String> map) {
        return map.entrySet().stream()
                .map(entry -> YamlText.scalar(entry.getKey()) + ": " + YamlText.scalar(entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private void line(int indent, String text) {
        out.append(" ".repeat(indent)).append(text).append('\n');
    }
}
