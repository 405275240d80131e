package dev.dynaseed.seed;

import dev.dynaseed.RunDeadline;
import dev.dynaseed.files.ItemFiles;
import dev.dynaseed.spec.ItemSourceSpec;
import dev.dynaseed.spec.TableSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The DeleteRequests of a table's batch-write request files, sent after its items: a batch-write-item request may not
 * put and delete one key, so the order between them does not change the result, as with the AWS CLI. Deletions count
 * in the outcome as requested and written items; they are sent again on every run (deleting is idempotent).
 */
final class FileDeletes {
    private FileDeletes() {}

    static SeedOutcome apply(
            BatchWriter writer, TableSpec table, List<String> keyNames, SeedOutcome written, RunDeadline deadline)
            throws InterruptedException {
        SeedOutcome outcome = written;
        for (ItemSourceSpec source : table.seed().sources()) {
            if (!(source instanceof ItemSourceSpec.File file)) {
                continue;
            }
            long deletes = file.scan().map(ItemSourceSpec.FileScan::deletes).orElse(0L);
            if (deletes == 0) {
                continue;
            }
            SeedOutcome deleted = writer.delete(
                    table.name(),
                    keyNames,
                    new ItemSource() {
                        @Override
                        public long size() {
                            return deletes;
                        }

                        @Override
                        public Iterator<Map<String, AttributeValue>> iterator() {
                            return ItemFiles.deletes(file, table);
                        }
                    },
                    SeedProgress.NONE,
                    deadline);
            outcome = plus(outcome, deleted);
        }
        return outcome;
    }

    private static SeedOutcome plus(SeedOutcome a, SeedOutcome b) {
        List<String> errors = new ArrayList<>(a.errors());
        b.errors().stream().filter(e -> !errors.contains(e)).forEach(errors::add);
        Optional<SkipReason> reason = a.skipReason().or(b::skipReason);
        return new SeedOutcome(
                a.requested() + b.requested(),
                a.written() + b.written(),
                a.failed() + b.failed(),
                a.skipped() + b.skipped(),
                a.retried() + b.retried(),
                reason,
                errors,
                a.duration().plus(b.duration()));
    }
}
