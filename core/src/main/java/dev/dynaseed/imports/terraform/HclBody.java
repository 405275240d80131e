package dev.dynaseed.imports.terraform;

import java.util.List;
import java.util.Optional;

/**
 * The arguments and nested blocks of a Terraform block (or of a whole file), with their lines.
 *
 * @param attributes the arguments ({@code name = value}) in source order
 * @param blocks the nested blocks in source order
 */
record HclBody(List<Attribute> attributes, List<Block> blocks) {

    HclBody {
        attributes = List.copyOf(attributes);
        blocks = List.copyOf(blocks);
    }

    /** An argument {@code name = expression} on a 1-based {@code line}. */
    record Attribute(String name, Expr value, int line) {}

    /** A block {@code type "label"... { body }}, its header on a 1-based {@code line}. */
    record Block(String type, List<String> labels, HclBody body, int line) {
        Block {
            labels = List.copyOf(labels);
        }
    }

    /** The argument named {@code name}, when set (the last one, if written twice). */
    Optional<Attribute> attribute(String name) {
        Attribute found = null;
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(name)) {
                found = attribute;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The nested blocks of {@code type}, in source order. */
    List<Block> blocks(String type) {
        return blocks.stream().filter(block -> block.type().equals(type)).toList();
    }
}
