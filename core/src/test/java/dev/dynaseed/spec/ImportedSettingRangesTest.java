package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tables built by an importer (not read from a spec file) get the spec reader's range checks too: DynamoDB refuses
 * these values, some only after CreateTable succeeded.
 */
class ImportedSettingRangesTest {
    private static TableSpec table(BillingSpec billing, TableFeatures features) {
        return TableSpec.builder("imported", new KeySpec("pk", KeyType.S))
                .billing(billing)
                .features(features)
                .build();
    }

    private static TableFeatures features(
            Optional<PointInTimeRecoverySpec> backups,
            Optional<EncryptionSpec> encryption,
            Optional<WarmThroughputSpec> warm) {
        return new TableFeatures(
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                backups,
                encryption,
                Optional.empty(),
                Optional.empty(),
                warm,
                Optional.empty(),
                Optional.empty());
    }

    private static List<String> problems(TableSpec table) {
        return SpecValidator.validate(new Spec(List.of(table))).stream()
                .map(Problem::toString)
                .toList();
    }

    @Test
    void recoveryPeriodOutsideOneTo35Days_isAProblem() {
        TableSpec table = table(
                new BillingSpec.PayPerRequest(Optional.empty()),
                features(
                        Optional.of(new PointInTimeRecoverySpec(true, Optional.of(0))),
                        Optional.empty(),
                        Optional.empty()));

        assertThat(problems(table))
                .containsExactly("tables[0].pointInTimeRecovery.recoveryPeriodDays: 0 is out of range; DynamoDB keeps"
                        + " continuous backups for 1 to 35 days, e.g. recoveryPeriodDays: 35");
    }

    @Test
    void onDemandMaximumsOfZeroOrBelowMinusOne_areProblems_minusOneMeaningNone() {
        TableSpec table = table(
                new BillingSpec.PayPerRequest(Optional.of(new OnDemandLimits(Optional.of(0L), Optional.of(-5L)))),
                TableFeatures.none());
        TableSpec unlimited = table(
                new BillingSpec.PayPerRequest(Optional.of(new OnDemandLimits(Optional.of(-1L), Optional.of(10L)))),
                TableFeatures.none());

        assertThat(problems(table))
                .containsExactly(
                        "tables[0].billing.maxReadRequestUnits: 0 is out of range; DynamoDB's on-demand maximum is at"
                                + " least 1 request unit per second (-1, or leaving it out, means no maximum), e.g."
                                + " maxReadRequestUnits: 1000",
                        "tables[0].billing.maxWriteRequestUnits: -5 is out of range; DynamoDB's on-demand maximum is"
                                + " at least 1 request unit per second (-1, or leaving it out, means no maximum), e.g."
                                + " maxWriteRequestUnits: 1000");
        assertThat(problems(unlimited)).isEmpty();
    }

    @Test
    void customerManagedEncryptionWithoutAKey_andWarmThroughputOfZero_areProblems() {
        TableSpec table = table(
                new BillingSpec.Provisioned(5, 5),
                features(
                        Optional.empty(),
                        Optional.of(new EncryptionSpec(EncryptionSpec.Type.CUSTOMER_MANAGED, Optional.of(" "))),
                        Optional.of(new WarmThroughputSpec(Optional.of(0L), Optional.empty()))));

        assertThat(problems(table))
                .containsExactlyInAnyOrder(
                        "tables[0].encryption.kmsKeyId: missing; CUSTOMER_MANAGED encrypts with the KMS key named here"
                                + " (its id, ARN or alias), e.g. kmsKeyId: alias/orders",
                        "tables[0].warmThroughput.readUnitsPerSecond: 0 is out of range; warm throughput is at least 1"
                                + " unit per second, e.g. readUnitsPerSecond: 12000");
    }
}
