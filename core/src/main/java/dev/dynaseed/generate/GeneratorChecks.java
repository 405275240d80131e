package dev.dynaseed.generate;

import dev.dynaseed.spec.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a generator kind's validation knows and where it reports: the attribute's path, the table's seed count, the
 * fixed base time (present when a randomSeed fixes it; absent when runs start from the current time) and the list
 * of problems.
 *
 * @param path the attribute's path, e.g. {@code tables[0].seed.attributes.amount}
 * @param count how many items the table's seed block writes per run
 * @param fixedBaseTime the instant time-based generators start from, when it does not depend on the run
 * @param problems where problems are added
 */
public record GeneratorChecks(String path, long count, Optional<Instant> fixedBaseTime, List<Problem> problems) {

    public GeneratorChecks {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fixedBaseTime, "fixedBaseTime");
        Objects.requireNonNull(problems, "problems");
    }

    /** The checks of a generator nested in this one, at {@code part} (e.g. {@code of}, {@code fields.total}). */
    public GeneratorChecks nested(String part) {
        return new GeneratorChecks(path + "." + part, count, fixedBaseTime, problems);
    }

    /** Records a problem with the generator as a whole. */
    public void problem(String message) {
        problems.add(new Problem(path, message));
    }

    /** Records a problem with one of its parameters (or a part of one, e.g. {@code values[1]}). */
    public void problem(String parameter, String message) {
        problems.add(new Problem(path + "." + parameter, message));
    }
}
