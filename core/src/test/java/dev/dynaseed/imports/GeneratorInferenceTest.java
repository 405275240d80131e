package dev.dynaseed.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dynaseed.spec.ExistingDataPolicy;
import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.KeySpec;
import dev.dynaseed.spec.KeyType;
import dev.dynaseed.spec.SeedSpec;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.SpecValidator;
import dev.dynaseed.spec.SpecValue;
import dev.dynaseed.spec.SpecWriter;
import dev.dynaseed.spec.TableSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What {@code init --from-table} infers from a sample: always a spec the validator accepts, and which reads back
 * from the YAML init writes to the same generators.
 */
class GeneratorInferenceTest {
    private static final TableSpec TABLE =
            TableSpec.builder("items", new KeySpec("id", KeyType.S)).build();

    @Test
    void fromSample_fallsBackToTheValuesSeen_whenNoDecimalRangeHoldsThem() {
        // 0.5 and 38 nines: at scale 1 a value has 39 digits, at scale 0 the range has ~1E+38 steps.
        GeneratorSpec wide = inferred("v", List.of("0.5", "99999999999999999999999999999999999999"));

        assertThat(wide)
                .isEqualTo(new GeneratorSpec.OneOf(
                        List.of(
                                new SpecValue.Number(new BigDecimal("0.5")),
                                new SpecValue.Number(new BigDecimal("99999999999999999999999999999999999999"))),
                        List.of()));
        assertThat(inferred("v", List.of("1E+125", "-3"))).isInstanceOf(GeneratorSpec.OneOf.class);
        assertThat(inferred("v", List.of("1", "1000000000000000000000000000000")))
                .isInstanceOf(GeneratorSpec.OneOf.class);
    }

    @Test
    void fromSample_lowersTheScale_untilOneDrawCoversTheRange() {
        // At the sample's scale 3 the range has 1.2E+19 steps, more than one random long picks from; at 2 it fits.
        GeneratorSpec lowered = inferred("v", List.of("0.5", "12345678901234567.123"));

        assertThat(lowered)
                .isEqualTo(new GeneratorSpec.DecimalRange(
                        new BigDecimal("0.50"), new BigDecimal("12345678901234567.13"), 2));
        assertThat(inferred("v", List.of("1.25", "2.5")))
                .isEqualTo(new GeneratorSpec.DecimalRange(new BigDecimal("1.25"), new BigDecimal("2.50"), 2));
    }

    @Test
    void fromSample_writesOnlySpecsTheValidatorAccepts_andInitOutputReadsBackEqual_forRandomSamples() {
        Random random = new Random(20261126L);
        for (int run = 0; run < 400; run++) {
            TableSpec table = TableSpec.builder(
                            "items_" + run, new KeySpec("pk", random.nextBoolean() ? KeyType.S : KeyType.N))
                    .build();
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            int attributes = 1 + random.nextInt(4);
            int count = 1 + random.nextInt(12);
            List<String> kinds = Stream.generate(
                            () -> List.of("N", "N", "N", "S", "BOOL", "B").get(random.nextInt(6)))
                    .limit(attributes)
                    .toList();
            for (int i = 0; i < count; i++) {
                Map<String, AttributeValue> item = new LinkedHashMap<>();
                item.put(
                        "pk",
                        table.partitionKey().type() == KeyType.S
                                ? AttributeValue.fromS("k" + random.nextInt(3))
                                : AttributeValue.fromN(number(random)));
                for (int a = 0; a < attributes; a++) {
                    item.put(name(a, random), value(kinds.get(a), random));
                }
                items.add(item);
            }
            GeneratorInference.Inferred inferred = GeneratorInference.fromSample(table, items);
            Spec spec = new Spec(List.of(table.toBuilder()
                    .seed(new SeedSpec(
                            10, ExistingDataPolicy.APPEND, Optional.empty(), Optional.empty(), inferred.attributes()))
                    .build()));
            String sample = "run " + run + ": " + items;

            assertThat(SpecValidator.validate(spec)).as(sample).isEmpty();
            String yaml = SpecWriter.write(spec);
            assertThatCode(() -> SpecReader.read(yaml, SpecReader.SpecFormat.YAML, "init.yaml"))
                    .as(sample + "\n" + yaml)
                    .doesNotThrowAnyException();
            Spec read = SpecReader.read(yaml, SpecReader.SpecFormat.YAML, "init.yaml");
            assertThat(SpecWriter.write(read)).as(sample).isEqualTo(yaml);
        }
    }

    private static GeneratorSpec inferred(String name, List<String> numbers) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            items.add(Map.of("id", AttributeValue.fromS("k" + i), name, AttributeValue.fromN(numbers.get(i))));
        }
        GeneratorInference.Inferred inferred = GeneratorInference.fromSample(TABLE, items);
        Spec spec = new Spec(List.of(TABLE.toBuilder()
                .seed(new SeedSpec(
                        10, ExistingDataPolicy.APPEND, Optional.empty(), Optional.empty(), inferred.attributes()))
                .build()));
        assertThat(SpecValidator.validate(spec)).as(numbers.toString()).isEmpty();
        return inferred.attributes().get(name);
    }

    /** A number DynamoDB stores: 1 to 38 digits, anywhere from 1E-130 to below 1E+126, either sign. */
    private static String number(Random random) {
        int digits = 1 + random.nextInt(random.nextBoolean() ? 6 : 38);
        BigInteger unscaled = new BigInteger(digits * 4, random).mod(BigInteger.TEN.pow(digits));
        int scale = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(4);
            case 2 -> random.nextInt(40) - 10;
            default -> random.nextInt(250) - 120;
        };
        BigDecimal value = new BigDecimal(unscaled, scale);
        if (random.nextBoolean()) {
            value = value.negate();
        }
        BigDecimal magnitude = value.abs();
        if (magnitude.signum() != 0
                && (magnitude.compareTo(new BigDecimal("1E+126")) >= 0
                        || magnitude.compareTo(new BigDecimal("1E-130")) < 0)) {
            return "7";
        }
        return value.toString();
    }

    private static String name(int index, Random random) {
        return List.of("amount", "n-" + index, "weird name " + index, "\"q\"" + index, "é" + index, "yes" + index)
                        .get(random.nextInt(6))
                + index;
    }

    private static AttributeValue value(String kind, Random random) {
        return switch (kind) {
            case "N" -> AttributeValue.fromN(number(random));
            case "S" ->
                AttributeValue.fromS(List.of("a", "b: c", "#x", "yes", "'q'", "\"d\"", "2025-01-01T00:00:00Z", "")
                        .get(random.nextInt(8)));
            case "BOOL" -> AttributeValue.fromBool(random.nextBoolean());
            default -> AttributeValue.fromB(SdkBytes.fromByteArray(new byte[random.nextInt(3)]));
        };
    }
}
