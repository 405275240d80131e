package dev.dynaseed.imports.cloudformation;

import dev.dynaseed.spec.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value of a CloudFormation template (or serverless.yml) as read from YAML or JSON, with where it was written;
 * YAML short-form tags are already turned into their long form ({@code !Ref x} into {@code {Ref: x}}).
 */
public sealed interface TemplateNode permits TemplateNode.Scalar, TemplateNode.Sequence, TemplateNode.Mapping {

    /** Where this value starts. */
    SourceLocation location();

    /** What kind of value this is. */
    Kind kind();

    /** The kinds of values. */
    enum Kind {
        SCALAR,
        SEQUENCE,
        MAPPING
    }

    /** What a scalar was written as; CloudFormation reads numbers and booleans as their text where strings are due. */
    enum ScalarType {
        STRING,
        NUMBER,
        BOOLEAN,
        NULL
    }

    /** A string, number, boolean or null, with its text ({@code true}/{@code false} for YAML 1.1 booleans). */
    record Scalar(String text, ScalarType type, SourceLocation location) implements TemplateNode {
        public Scalar {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(location, "location");
        }

        /** A string at {@code location}. */
        public static Scalar string(String text, SourceLocation location) {
            return new Scalar(text, ScalarType.STRING, location);
        }

        @Override
        public Kind kind() {
            return Kind.SCALAR;
        }
    }

    /** A list. */
    record Sequence(List<TemplateNode> items, SourceLocation location) implements TemplateNode {
        public Sequence {
            items = List.copyOf(items);
            Objects.requireNonNull(location, "location");
        }

        @Override
        public Kind kind() {
            return Kind.SEQUENCE;
        }
    }

    /** A mapping with string keys, in source order. */
    record Mapping(Map<String, TemplateNode> entries, SourceLocation location) implements TemplateNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            Objects.requireNonNull(location, "location");
        }

        /** The value of {@code key}, or null when absent (package code only; never returned by the public API). */
        TemplateNode get(String key) {
            return entries.get(key);
        }

        @Override
        public Kind kind() {
            return Kind.MAPPING;
        }
    }
}
