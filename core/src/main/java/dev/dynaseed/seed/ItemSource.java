package dev.dynaseed.seed;

import java.util.Iterator;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A stream of items to write: known in size, produced one at a time, never held all in memory. */
public interface ItemSource {

    /** How many items the iterator yields. */
    long size();

    Iterator<Map<String, AttributeValue>> iterator();
}
