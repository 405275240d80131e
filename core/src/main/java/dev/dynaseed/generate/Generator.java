package dev.dynaseed.generate;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Yields one attribute's value for one item; implementations are stateless and safe to share between threads. */
@FunctionalInterface
public interface Generator {
    AttributeValue next(GenerationContext context);

    /**
     * Whether the attribute is written for this item at all; asked (once) before {@link #next}. Only optional
     * attributes ({@code generator: optional}) leave some out.
     */
    default boolean present(GenerationContext context) {
        return true;
    }
}
