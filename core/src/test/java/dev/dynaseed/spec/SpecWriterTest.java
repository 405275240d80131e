package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.internal.SpecTreeWalker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class SpecWriterTest {
    /** Whether spec files have {@code seed.items} yet (the files work adds it); until then items are not generated. */
    private static final boolean ITEMS_READ = SpecTreeWalker.SEED_FIELDS.contains("items");

    @Property(tries = 300, edgeCases = EdgeCasesMode.MIXIN)
    void write_givesYamlThatReadsBackToAnEqualSpec(@ForAll("specs") Spec spec) {
        String yaml = SpecWriter.write(spec, Map.of(spec.tables().get(0).name(), List.of("from here", "and there")));

        Spec read = SpecReader.read(yaml, SpecReader.SpecFormat.YAML, "written.yaml");

        assertThat(read).as(yaml).isEqualTo(spec);
    }

    @Example
    void write_putsCommentsAboveTheirTable_andLeavesDefaultsOut() {
        Spec spec = new Spec(
                List.of(TableSpec.builder("users", new KeySpec("id", KeyType.S)).build()));

        String yaml = SpecWriter.write(
                spec, Map.of("users", List.of("from template.yaml:12:5 (CloudFormation/SAM template, UsersTable)")));

        assertThat(yaml).isEqualTo("""
                version: 1
                tables:
                  # from template.yaml:12:5 (CloudFormation/SAM template, UsersTable)
                  - name: users
                    partitionKey: {name: id, type: S}
                    billing: {mode: PAY_PER_REQUEST}
                """);
    }

    @Provide
    Arbitrary<Spec> specs() {
        return table().list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(tables -> {
                    List<TableSpec> named = new ArrayList<>();
                    for (int i = 0; i < tables.size(); i++) {
                        named.add(tables.get(i).toBuilder().name("table_" + i).build());
                    }
                    return new Spec(named);
                })
                .filter(spec -> SpecValidator.validate(spec).isEmpty());
    }

    private static Arbitrary<KeyType> keyType() {
        return Arbitraries.of(KeyType.class);
    }

    private static Arbitrary<Long> units(long min) {
        return Arbitraries.longs().between(min, 40_000);
    }

    /** Printable text with the characters YAML is fussy about. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings()
                        .withChars("abcXYZ019 _-:#'\"\\{}[],&*!|>%@`\t\né€中")
                        .ofMaxLength(20),
                Arbitraries.of("yes", "no", "on", "off", "true", "null", "~", "123", "1.5", "0x1F", "- a", ""));
    }

    private Arbitrary<TableSpec> table() {
        Arbitrary<Boolean> provisioned = Arbitraries.of(true, false);
        return provisioned
                .flatMap(prov -> Combinators.combine(
                                keyType(),
                                keyType().optional(),
                                billing(prov),
                                tags(),
                                gsis(prov),
                                keyType().list().ofMaxSize(2),
                                features(prov),
                                Arbitraries.of(true, false))
                        .as((pk, sk, billing, tags, gsis, lsiTypes, features, seeded) -> {
                            List<LocalIndexSpec> lsis = new ArrayList<>();
                            if (sk.isPresent()) {
                                for (int j = 0; j < lsiTypes.size(); j++) {
                                    lsis.add(new LocalIndexSpec(
                                            "lsi_" + j,
                                            new KeySpec("pk", pk),
                                            new KeySpec("ls" + j, lsiTypes.get(j)),
                                            j == 0
                                                    ? ProjectionSpec.all()
                                                    : new ProjectionSpec(ProjectionSpec.Type.INCLUDE, List.of("extra")),
                                            j == 1));
                                }
                            }
                            TableFeatures all = new TableFeatures(
                                    gsis,
                                    lsis,
                                    features.timeToLiveAttribute(),
                                    features.stream(),
                                    features.pointInTimeRecovery(),
                                    features.encryption(),
                                    features.tableClass(),
                                    features.deletionProtection(),
                                    features.warmThroughput(),
                                    features.resourcePolicy(),
                                    features.contributorInsights());
                            TableSpec table = TableSpec.builder("t", new KeySpec("pk", pk))
                                    .sortKey(sk.map(type -> new KeySpec("sk", type)))
                                    .billing(billing)
                                    .tags(tags)
                                    .features(all)
                                    .build();
                            return table;
                        }))
                .flatMap(table ->
                        seed(table).map(seed -> table.toBuilder().seed(seed).build()));
    }

    private static Arbitrary<BillingSpec> billing(boolean provisioned) {
        if (provisioned) {
            return Combinators.combine(units(1), units(1)).as(BillingSpec.Provisioned::new);
        }
        return limits().optional().map(BillingSpec.PayPerRequest::new);
    }

    private static Arbitrary<OnDemandLimits> limits() {
        return Combinators.combine(units(1).optional(), units(1).optional())
                .as(OnDemandLimits::new)
                .filter(l -> l.maxReadRequestUnits().isPresent()
                        || l.maxWriteRequestUnits().isPresent());
    }

    private static Arbitrary<WarmThroughputSpec> warm(boolean provisioned) {
        return Combinators.combine(
                        Arbitraries.longs()
                                .between(provisioned ? 1 : 12_000, 100_000)
                                .optional(),
                        Arbitraries.longs()
                                .between(provisioned ? 1 : 4_000, 100_000)
                                .optional())
                .as(WarmThroughputSpec::new)
                .filter(w -> w.readUnitsPerSecond().isPresent()
                        || w.writeUnitsPerSecond().isPresent());
    }

    private static Arbitrary<Map<String, String>> tags() {
        return Arbitraries.maps(
                        Arbitraries.strings()
                                .withChars("abcXYZ09 _.:/=+-@é")
                                .ofMinLength(1)
                                .ofMaxLength(12)
                                .filter(key -> !key.startsWith("aws:")),
                        Arbitraries.strings().withChars("abc 09_.:/=+-@'\"#{}é").ofMaxLength(20))
                .ofMaxSize(3);
    }

    private static Arbitrary<List<GlobalIndexSpec>> gsis(boolean provisioned) {
        Arbitrary<GlobalIndexSpec> one = Combinators.combine(
                        keyType().list().ofMinSize(1).ofMaxSize(4),
                        keyType().list().ofMaxSize(4),
                        Arbitraries.of(ProjectionSpec.Type.class),
                        Combinators.combine(units(1), units(1)).as(CapacitySpec::new),
                        limits().optional(),
                        warm(provisioned).optional(),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 999))
                .as((pks, sks, projection, capacity, limits, warm, sparse, id) -> {
                    List<KeySpec> partition = new ArrayList<>();
                    for (int k = 0; k < pks.size(); k++) {
                        partition.add(new KeySpec("gp" + id + "_" + k, pks.get(k)));
                    }
                    List<KeySpec> sort = new ArrayList<>();
                    for (int k = 0; k < sks.size(); k++) {
                        sort.add(new KeySpec("gs" + id + "_" + k, sks.get(k)));
                    }
                    return new GlobalIndexSpec(
                            "gsi_" + id,
                            partition,
                            sort,
                            new ProjectionSpec(
                                    projection,
                                    projection == ProjectionSpec.Type.INCLUDE
                                            ? List.of("extra", "note \"x\"")
                                            : List.of()),
                            provisioned ? Optional.of(capacity) : Optional.empty(),
                            provisioned ? Optional.empty() : limits,
                            warm,
                            sparse);
                });
        return one.list().ofMaxSize(3).uniqueElements(GlobalIndexSpec::name);
    }

    private static Arbitrary<TableFeatures> features(boolean provisioned) {
        Arbitrary<PointInTimeRecoverySpec> pitr = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 35).optional().map(days -> new PointInTimeRecoverySpec(true, days)),
                Arbitraries.just(new PointInTimeRecoverySpec(false, Optional.empty())));
        Arbitrary<EncryptionSpec> sse = Arbitraries.oneOf(
                Arbitraries.of(EncryptionSpec.Type.AWS_OWNED, EncryptionSpec.Type.AWS_MANAGED)
                        .map(type -> new EncryptionSpec(type, Optional.empty())),
                Arbitraries.of("alias/orders", "arn:aws:kms:us-east-1:111122223333:key/1234abcd", "1234abcd-12ab")
                        .map(key -> new EncryptionSpec(EncryptionSpec.Type.CUSTOMER_MANAGED, Optional.of(key))));
        Arbitrary<String> policy = Arbitraries.of("dynamodb:GetItem", "dynamodb:*", "dynamodb:Query")
                .map(action -> "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"" + action
                        + "\",\"Resource\":\"*\"}]}");
        return Combinators.combine(
                        Arbitraries.of("expires_at", "ttl").optional(),
                        Arbitraries.of(StreamView.class).optional(),
                        pitr.optional(),
                        sse.optional(),
                        Arbitraries.of(TableClassSpec.class).optional(),
                        Arbitraries.of(true, false).optional(),
                        warm(provisioned).optional(),
                        policy.optional())
                .as((ttl, stream, backups, encryption, tableClass, protection, warm, resourcePolicy) ->
                        new TableFeatures(
                                List.of(),
                                List.of(),
                                ttl,
                                stream,
                                backups,
                                encryption,
                                tableClass,
                                protection,
                                warm,
                                resourcePolicy,
                                Optional.empty()))
                .flatMap(f -> Arbitraries.of(true, false)
                        .optional()
                        .map(insights -> new TableFeatures(
                                f.globalSecondaryIndexes(),
                                f.localSecondaryIndexes(),
                                f.timeToLiveAttribute(),
                                f.stream(),
                                f.pointInTimeRecovery(),
                                f.encryption(),
                                f.tableClass(),
                                f.deletionProtection(),
                                f.warmThroughput(),
                                f.resourcePolicy(),
                                insights)));
    }

    /** No seed, or one with a generator for every key attribute (index keys too) and maybe inline items. */
    private static Arbitrary<SeedSpec> seed(TableSpec table) {
        Map<String, KeyType> keys = new LinkedHashMap<>();
        keys.put(table.partitionKey().name(), table.partitionKey().type());
        table.sortKey().ifPresent(key -> keys.put(key.name(), key.type()));
        table.features()
                .indexes()
                .forEach(index -> index.keyAttributes().forEach(key -> keys.put(key.name(), key.type())));
        List<Arbitrary<Map.Entry<String, GeneratorSpec>>> generators = new ArrayList<>();
        keys.forEach((name, type) -> generators.add(generator(type).map(g -> Map.entry(name, g))));
        generators.add(Arbitraries.oneOf(
                        Arbitraries.just(new GeneratorSpec.OneOf(
                                List.of(new SpecValue.Bool(true), new SpecValue.Bool(false)), List.of(1.0, 3.0))),
                        text().map(value -> new GeneratorSpec.Constant(new SpecValue.Text(value))),
                        Arbitraries.just(new GeneratorSpec.Constant(new SpecValue.Bool(false))))
                .map(g -> Map.entry("extra flag", g)));
        Arbitrary<Map<String, GeneratorSpec>> attributes = Combinators.combine(generators)
                .as(entries -> {
                    Map<String, GeneratorSpec> map = new LinkedHashMap<>();
                    entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
                    return map;
                });
        Arbitrary<List<ItemSourceSpec>> sources = ITEMS_READ
                ? item().list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .<ItemSourceSpec>map(ItemSourceSpec.Inline::new)
                        .list()
                        .ofMaxSize(1)
                : Arbitraries.just(List.of());
        Arbitrary<SeedSpec> some = Combinators.combine(
                        Arbitraries.longs().between(0, 1000),
                        Arbitraries.of(ExistingDataPolicy.APPEND, ExistingDataPolicy.SKIP),
                        Arbitraries.longs().optional(),
                        Arbitraries.longs()
                                .between(0, 4_000_000_000L)
                                .map(Instant::ofEpochSecond)
                                .optional(),
                        attributes,
                        sources)
                .as((count, onExisting, randomSeed, baseTime, generated, items) -> new SeedSpec(
                        count,
                        randomSeed.isPresent() && count % 2 == 0 ? ExistingDataPolicy.UPSERT : onExisting,
                        randomSeed,
                        randomSeed.isPresent() ? baseTime : Optional.empty(),
                        generated,
                        items));
        return Arbitraries.oneOf(Arbitraries.just(SeedSpec.none()), some);
    }

    private static Arbitrary<GeneratorSpec> generator(KeyType type) {
        return switch (type) {
            case S ->
                Arbitraries.oneOf(
                        Arbitraries.of(
                                new GeneratorSpec.Uuid4(),
                                new GeneratorSpec.Uuid1(),
                                new GeneratorSpec.IsoTimestamp(0),
                                new GeneratorSpec.IsoTimestamp(3600)),
                        Arbitraries.longs()
                                .between(-1000, 1000)
                                .map(start -> new GeneratorSpec.Sequence(start, 1, Optional.of("user-"))),
                        text().list()
                                .ofMinSize(1)
                                .ofMaxSize(3)
                                .map(values -> new GeneratorSpec.OneOf(
                                        values.stream()
                                                .<SpecValue>map(SpecValue.Text::new)
                                                .toList(),
                                        List.of())));
            case N ->
                Arbitraries.oneOf(
                        Arbitraries.of(new GeneratorSpec.EpochSeconds(0), new GeneratorSpec.EpochMillis(86_400)),
                        Arbitraries.longs()
                                .between(-1_000_000, 1_000_000)
                                .map(min -> new GeneratorSpec.IntRange(min, min + 10)),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000))
                                .ofScale(2)
                                .map(min -> new GeneratorSpec.DecimalRange(min, min.add(BigDecimal.TEN), 3)),
                        Arbitraries.longs()
                                .between(-1000, 1000)
                                .map(step -> new GeneratorSpec.Sequence(7, step == 0 ? 1 : step, Optional.empty())),
                        Arbitraries.bigDecimals()
                                .between(BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000))
                                .ofScale(1)
                                .map(value -> new GeneratorSpec.Constant(new SpecValue.Number(value))));
            case B -> Arbitraries.integers().between(1, 64).map(GeneratorSpec.RandomBytes::new);
        };
    }

    private static Arbitrary<Map<String, AttributeValue>> item() {
        Arbitrary<AttributeValue> scalar = Arbitraries.oneOf(
                text().map(AttributeValue::fromS),
                Arbitraries.bigDecimals()
                        .between(BigDecimal.valueOf(-1e9), BigDecimal.valueOf(1e9))
                        .ofScale(3)
                        .map(n -> AttributeValue.fromN(n.toPlainString())),
                Arbitraries.bytes()
                        .array(byte[].class)
                        .ofMaxSize(8)
                        .map(b -> AttributeValue.fromB(SdkBytes.fromByteArray(b))),
                Arbitraries.of(true, false).map(AttributeValue::fromBool),
                Arbitraries.just(AttributeValue.fromNul(true)),
                text().set().ofMinSize(1).ofMaxSize(3).map(set -> AttributeValue.fromSs(List.copyOf(set))));
        Arbitrary<AttributeValue> nested = Arbitraries.oneOf(
                scalar,
                scalar.list().ofMaxSize(3).map(AttributeValue::fromL),
                Arbitraries.maps(text(), scalar).ofMaxSize(3).map(AttributeValue::fromM));
        return Arbitraries.maps(text(), nested).ofMinSize(1).ofMaxSize(4);
    }
}
