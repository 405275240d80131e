package dev.dynaseed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The warm-up runs the SDK's whole pipeline on answers made up in the process: each is read as the engine's own
 * would be (a table, UnknownOperationException, an empty result), so the paths a plan and a seed's first batch take
 * are the ones warmed, and a change in the SDK that breaks that shows here instead of passing unnoticed.
 */
class SessionWarmUpTest {
    @Test
    void warm_readsEveryMadeUpAnswerAsMeant_forEveryCallOfAPlanAndTheFirstBatch() {
        // DescribeTable, four probes, five companion reads, BatchWriteItem.
        assertThat(SessionWarmUp.warm()).isEqualTo(11);
    }
}
