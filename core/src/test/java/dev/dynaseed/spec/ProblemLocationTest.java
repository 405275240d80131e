package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynaseed.spec.SpecReader.SpecFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem read from a file or text carries its file, line and column; problems from a tree carry none. */
class ProblemLocationTest {
    @TempDir
    Path dir;

    @Test
    void yamlFileProblems_carryTheFileLineAndColumnOfTheirField() throws IOException {
        Path file = dir.resolve("dynaseed.yaml");
        Files.writeString(file, """
                version: 1
                tables:
                  - name: orders
                    partitionKey: {name: id, type: S}
                  - name: payments
                    partitionKey: {name: id, type: S}
                    sortKey:
                      name: at
                      type: INT
                """);

        InvalidSpecException e = catchThrowableOfType(() -> SpecReader.read(file), InvalidSpecException.class);

        assertThat(e.problems())
                .containsExactly(new Problem(
                        "tables[1].sortKey.type",
                        "'INT' is not a DynamoDB key type; use S, N or B",
                        Optional.of(new SourceLocation(file.toString(), 9, 7))));
        assertThat(e.getMessage())
                .isEqualTo("The spec " + file + " has 1 problem:\n  " + file
                        + ":9:7: tables[1].sortKey.type: 'INT' is not a DynamoDB key type; use S, N or B");
    }

    @Test
    void missingField_isPlacedAtTheObjectThatLacksIt_inJsonToo() {
        String json = """
                {"tables": [
                  {"name": "orders",
                   "partitionKey": {"name": "id"}}
                ]}
                """;

        InvalidSpecException e = catchThrowableOfType(
                () -> SpecReader.read(json, SpecFormat.JSON, "spec.json"), InvalidSpecException.class);

        assertThat(e.problems())
                .extracting(Problem::toString)
                .containsExactly("spec.json:3:4:" + " tables[0].partitionKey.type: missing; add e.g. type: S");
    }

    @Test
    void problemOfTheWholeFile_isPlacedAtItsStart() {
        InvalidSpecException e = catchThrowableOfType(
                () -> SpecReader.read("version: 1\n", SpecFormat.YAML, "s.yaml"), InvalidSpecException.class);

        assertThat(e.problems())
                .extracting(Problem::toString)
                .containsExactly("s.yaml:1:1: tables: missing; add e.g. tables: [{name: orders, ...}]");
    }

    @Test
    void treeFromALambdaEvent_hasPathsButNoLocations() throws IOException {
        var tree = new ObjectMapper().readTree("{\"tables\": [{\"name\": \"orders\", \"partitionKey\": {}}]}");

        InvalidSpecException e =
                catchThrowableOfType(() -> SpecReader.read(tree, "event.spec"), InvalidSpecException.class);

        assertThat(e.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "tables[0].partitionKey.name: missing; add e.g. name: id",
                        "tables[0].partitionKey.type: missing; add e.g. type: S");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.location()).isEmpty());
    }

    @Test
    void problemWithoutLocation_printsPathAndMessage_andAtPlacesIt() {
        Problem problem = new Problem("tables[0].name", "is wrong");

        assertThat(problem.location()).isEmpty();
        assertThat(problem).hasToString("tables[0].name: is wrong");
        assertThat(problem.at(new SourceLocation("f.yaml", 2, 5))).hasToString("f.yaml:2:5: tables[0].name: is wrong");
    }
}
