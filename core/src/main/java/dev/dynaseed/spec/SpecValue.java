package dev.dynaseed.spec;

import java.math.BigDecimal;
import java.util.Objects;

/** A literal value written in a spec (for {@code constant} and {@code oneOf}): a string, a number or a boolean. */
public sealed interface SpecValue {

    /** The DynamoDB type this value is stored as. */
    ValueType type();

    /** A string literal. */
    record Text(String value) implements SpecValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueType type() {
            return ValueType.S;
        }
    }

    /** A number literal, kept exact. */
    record Number(BigDecimal value) implements SpecValue {
        public Number {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueType type() {
            return ValueType.N;
        }
    }

    /** A boolean literal. */
    record Bool(boolean value) implements SpecValue {
        @Override
        public ValueType type() {
            return ValueType.BOOL;
        }
    }
}
