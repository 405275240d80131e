package dev.dynaseed.plan;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One field of a {@link TableShape}: its name in differences, how to read it from a shape and how to show it.
 * Values are compared with {@code equals}; the rendering is only for people.
 *
 * @param name the field's name in differences and JSON, e.g. {@code partitionKey}
 * @param value the field's value in a shape; empty when that shape's source did not read it (so it is not compared)
 * @param render the value as reports show it, e.g. {@code transaction_id (S)}
 * @param <T> the value's type
 */
public record ShapeField<T>(String name, Function<TableShape, Optional<T>> value, Function<T, String> render) {
    public ShapeField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(render, "render");
    }

    /** The difference in this field between the spec's shape and the table's; empty when they agree or one is unread. */
    public Optional<Difference> compare(TableShape expected, TableShape actual) {
        Optional<T> wanted = value.apply(expected);
        Optional<T> found = value.apply(actual);
        if (wanted.isEmpty() || found.isEmpty() || wanted.get().equals(found.get())) {
            return Optional.empty();
        }
        return Optional.of(new Difference(name, render.apply(wanted.get()), render.apply(found.get())));
    }
}
