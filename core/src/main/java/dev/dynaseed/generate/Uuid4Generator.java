package dev.dynaseed.generate;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Random (RFC 4122 version 4) UUIDs drawn from the item's random source. */
public final class Uuid4Generator implements Generator {
    @Override
    public AttributeValue next(GenerationContext context) {
        long most = context.random().nextLong() & ~0xF000L | 0x4000L;
        long least = context.random().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return AttributeValue.fromS(new UUID(most, least).toString());
    }
}
