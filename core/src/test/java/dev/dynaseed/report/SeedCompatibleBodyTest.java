package dev.dynaseed.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.provision.TableOutcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every outcome maps to the tutorial's messages as the README's table says; the shape stays the tutorial's. */
class SeedCompatibleBodyTest {

    @Test
    void eachOutcome_mapsToTheDocumentedCreateAndFailedInsertMessages() {
        Map<TableOutcome, List<String>> expected = new LinkedHashMap<>();
        expected.put(new TableOutcome.Created(Duration.ZERO), List.of("Create successful.", "Insert failed."));
        expected.put(new TableOutcome.AlreadyMatches(), List.of("Table already exists.", "Insert failed."));
        expected.put(
                new TableOutcome.Updated(List.of(), List.of()), List.of("Table already exists.", "Insert failed."));
        expected.put(
                new TableOutcome.Replaced(List.of(), 4, List.of()), List.of("Create successful.", "Insert failed."));
        expected.put(
                new TableOutcome.ReplacementRefused(List.of(), 4, "rerun with --allow-replace"),
                List.of("Table already exists.", "Insert failed."));
        expected.put(new TableOutcome.Blocked(List.of()), List.of("Table already exists.", "Insert failed."));
        expected.put(new TableOutcome.Failed("boom"), List.of("Create failed.", "Table does not exist."));

        assertThat(expected.keySet()).extracting(TableOutcome::kind).containsAll(List.of(TableOutcome.Kind.values()));
        expected.forEach((outcome, messages) -> {
            assertThat(SeedCompatibleBody.createMessage(outcome))
                    .as(outcome.kind().label())
                    .isEqualTo(messages.get(0));
            assertThat(SeedCompatibleBody.failedInsertMessage(outcome))
                    .as(outcome.kind().label())
                    .isEqualTo(messages.get(1));
        });
    }
}
