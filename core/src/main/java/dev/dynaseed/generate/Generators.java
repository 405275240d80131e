package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.SpecValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The registry from generator specs to generators. */
public final class Generators {
    private Generators() {}

    /** The generator for {@code spec}; {@code tableSeed} fixes what a generator keeps per table (uuid1's node). */
    public static Generator create(GeneratorSpec spec, long tableSeed) {
        if (spec instanceof GeneratorSpec.Uuid1) {
            return new Uuid1Generator(tableSeed);
        } else if (spec instanceof GeneratorSpec.Uuid4) {
            return new Uuid4Generator();
        } else if (spec instanceof GeneratorSpec.EpochSeconds g) {
            return new TimeGenerator(TimeGenerator.Unit.EPOCH_SECONDS, g.withinSeconds());
        } else if (spec instanceof GeneratorSpec.EpochMillis g) {
            return new TimeGenerator(TimeGenerator.Unit.EPOCH_MILLIS, g.withinSeconds());
        } else if (spec instanceof GeneratorSpec.IsoTimestamp g) {
            return new TimeGenerator(TimeGenerator.Unit.ISO_8601, g.withinSeconds());
        } else if (spec instanceof GeneratorSpec.Constant g) {
            var value = attributeValue(g.value());
            return context -> value;
        } else if (spec instanceof GeneratorSpec.Sequence g) {
            return RangeGenerators.sequence(g.start(), g.step(), g.prefix().orElse(null));
        } else if (spec instanceof GeneratorSpec.IntRange g) {
            return RangeGenerators.intRange(g.min(), g.max());
        } else if (spec instanceof GeneratorSpec.DecimalRange g) {
            return RangeGenerators.decimalRange(g.min(), g.max(), g.scale());
        } else if (spec instanceof GeneratorSpec.OneOf g) {
            return new OneOfGenerator(
                    g.values().stream().map(Generators::attributeValue).toList(), g.weights());
        } else if (spec instanceof GeneratorSpec.RandomBytes g) {
            return RangeGenerators.bytes(g.length());
        }
        throw new IllegalArgumentException("no generator for " + spec);
    }

    static AttributeValue attributeValue(SpecValue value) {
        if (value instanceof SpecValue.Text text) {
            return AttributeValue.fromS(text.value());
        } else if (value instanceof SpecValue.Number number) {
            return AttributeValue.fromN(number.value().toPlainString());
        } else if (value instanceof SpecValue.Bool bool) {
            return AttributeValue.fromBool(bool.value());
        }
        throw new IllegalArgumentException("unknown literal " + value);
    }
}
