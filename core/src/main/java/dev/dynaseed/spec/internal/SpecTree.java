package dev.dynaseed.spec.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A spec read from text: its tree and where each path was written.
 *
 * @param root the document's value; a missing node for empty text
 * @param locations the line and column of each path
 */
public record SpecTree(JsonNode root, SourceMap locations) {}
