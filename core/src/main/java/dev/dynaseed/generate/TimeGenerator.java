package dev.dynaseed.generate;

import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Epoch seconds, epoch millis or ISO-8601 text: the run's base time, optionally spread into the past. */
public final class TimeGenerator implements Generator {
    /** The rendering of an instant. */
    public enum Unit {
        EPOCH_SECONDS,
        EPOCH_MILLIS,
        ISO_8601
    }

    private final Unit unit;
    private final long withinMillis;

    public TimeGenerator(Unit unit, long withinSeconds) {
        this.unit = unit;
        this.withinMillis = Math.multiplyExact(withinSeconds, 1000L);
    }

    @Override
    public AttributeValue next(GenerationContext context) {
        long millis = context.baseEpochMillis();
        if (withinMillis > 0) {
            millis -= context.random().nextLong(withinMillis + 1);
        }
        return switch (unit) {
            case EPOCH_SECONDS -> AttributeValue.fromN(Long.toString(Math.floorDiv(millis, 1000L)));
            case EPOCH_MILLIS -> AttributeValue.fromN(Long.toString(millis));
            // Not Instant.toString(): it leaves out a fraction of zero, and "…:02Z" would sort after "…:02.500Z".
            case ISO_8601 -> AttributeValue.fromS(TimestampKind.ISO_MILLIS.format(Instant.ofEpochMilli(millis)));
        };
    }
}
