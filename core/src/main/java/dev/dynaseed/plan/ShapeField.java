package dev.dynaseed.plan;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One field of a {@link TableShape}: its name in differences, how to read it from a shape, how to show it, and when a
 * live value satisfies the spec's (equality unless said otherwise).
 *
 * @param name the field's name in differences and JSON, e.g. {@code partitionKey}
 * @param value the field's value in a shape; empty when that shape's source does not say (so it is not compared)
 * @param render the value as reports show it, e.g. {@code transaction_id (S)}
 * @param satisfies whether the live value (second) satisfies the spec's (first)
 * @param <T> the value's type
 */
public record ShapeField<T>(
        String name, Function<TableShape, Optional<T>> value, Function<T, String> render, BiPredicate<T, T> satisfies) {
    public ShapeField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(satisfies, "satisfies");
    }

    /** A field compared with {@code equals}. */
    public ShapeField(String name, Function<TableShape, Optional<T>> value, Function<T, String> render) {
        this(name, value, render, Object::equals);
    }

    /** A field every shape has, compared with {@code equals}. */
    public static <T> ShapeField<T> of(String name, Function<TableShape, T> value, Function<T, String> render) {
        return new ShapeField<>(name, shape -> Optional.of(value.apply(shape)), render);
    }

    /**
     * The spec's and the table's value, rendered, when the table's does not satisfy the spec's; empty when it does or
     * one side does not say.
     */
    public Optional<Rendered> compare(TableShape expected, TableShape actual) {
        Optional<T> wanted = value.apply(expected);
        Optional<T> found = value.apply(actual);
        if (wanted.isEmpty() || found.isEmpty() || satisfies.test(wanted.get(), found.get())) {
            return Optional.empty();
        }
        return Optional.of(new Rendered(name, render.apply(wanted.get()), render.apply(found.get())));
    }

    /** A field's differing values as people read them. */
    public record Rendered(String field, String expected, String actual) {
        public Rendered {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(actual, "actual");
        }
    }
}
