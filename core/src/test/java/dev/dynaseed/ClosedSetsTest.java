package dev.dynaseed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.connection.Target;
import dev.dynaseed.plan.TableChange;
import dev.dynaseed.provision.DestroyOutcome;
import dev.dynaseed.provision.TableOutcome;
import dev.dynaseed.seed.SkipReason;
import dev.dynaseed.spec.BillingSpec;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The names that leave the process (JSON {@code outcome}, {@code action}, {@code skipReason}) are explicit and
 * stable, and each closed set has exactly one kind per variant, so switching over kinds covers every variant.
 */
class ClosedSetsTest {

    @Test
    void tableOutcomes_haveOneKindPerVariant_andTheDocumentedNames() {
        assertThat(TableOutcome.class.getPermittedSubclasses()).hasSize(TableOutcome.Kind.values().length);
        assertThat(Arrays.stream(TableOutcome.Kind.values()).map(TableOutcome.Kind::label))
                .containsExactly(
                        "Created", "AlreadyMatches", "Updated", "Replaced", "ReplacementRefused", "Blocked", "Failed");
        assertThat(Arrays.stream(TableOutcome.Kind.values()).filter(TableOutcome.Kind::ready))
                .containsExactly(
                        TableOutcome.Kind.CREATED,
                        TableOutcome.Kind.ALREADY_MATCHES,
                        TableOutcome.Kind.UPDATED,
                        TableOutcome.Kind.REPLACED);
        assertThat(Arrays.stream(TableOutcome.Kind.values()).filter(TableOutcome.Kind::leftAlone))
                .containsExactly(TableOutcome.Kind.REPLACEMENT_REFUSED, TableOutcome.Kind.BLOCKED);
    }

    @Test
    void tableChanges_haveOneKindPerVariant_andTheDocumentedActions() {
        assertThat(TableChange.class.getPermittedSubclasses()).hasSize(TableChange.Kind.values().length);
        assertThat(Arrays.stream(TableChange.Kind.values()).map(TableChange.Kind::action))
                .containsExactly("create", "none", "update", "replace", "blocked");
    }

    @Test
    void destroyOutcomes_haveOneKindPerVariant_andTheDocumentedNames() {
        assertThat(DestroyOutcome.class.getPermittedSubclasses()).hasSize(DestroyOutcome.Kind.values().length);
        assertThat(List.of(
                        new DestroyOutcome.Deleted().kind().label(),
                        new DestroyOutcome.NotFound().kind().label(),
                        new DestroyOutcome.Failed("busy").kind().label()))
                .containsExactly("deleted", "not found", "failed");
    }

    @Test
    void billing_hasOneKindPerVariant_namedAsDynamoDbNamesTheMode() {
        assertThat(BillingSpec.class.getPermittedSubclasses()).hasSize(BillingSpec.Kind.values().length);
        assertThat(new BillingSpec.Provisioned(1, 1).mode()).isEqualTo("PROVISIONED");
        assertThat(new BillingSpec.PayPerRequest().mode()).isEqualTo("PAY_PER_REQUEST");
    }

    @Test
    void skipReasons_haveStableCodes_andOnlyTheSkipPolicyIsRequested() {
        assertThat(Arrays.stream(SkipReason.values()).map(SkipReason::code))
                .containsExactly("existingItems", "tableBlocked", "replacementRefused", "deadline", "interrupted");
        assertThat(Arrays.stream(SkipReason.values()).filter(SkipReason::requested))
                .containsExactly(SkipReason.EXISTING_ITEMS);
    }

    @Test
    void targets_haveOneKindPerVariant_eachReportingItsOwn() {
        assertThat(Target.class.getPermittedSubclasses()).hasSize(Target.Kind.values().length);
        assertThat(List.of(
                        new Target.Local(8000).kind(),
                        new Target.Endpoint(URI.create("http://127.0.0.1:1"), Optional.empty(), Optional.empty())
                                .kind(),
                        new Target.Aws(Optional.empty(), Optional.empty()).kind()))
                .containsExactly(Target.Kind.LOCAL, Target.Kind.ENDPOINT, Target.Kind.AWS);
    }
}
