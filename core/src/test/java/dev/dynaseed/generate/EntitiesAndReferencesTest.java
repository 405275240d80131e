package dev.dynaseed.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.Problem;
import dev.dynaseed.spec.Spec;
import dev.dynaseed.spec.SpecReader;
import dev.dynaseed.spec.SpecReader.SpecFormat;
import dev.dynaseed.spec.TableSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Single-table entities with their collections, references across tables, and the problems of both. */
class EntitiesAndReferencesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static Spec read(String yaml) {
        return SpecReader.read(yaml, SpecFormat.YAML, "spec.yaml");
    }

    private static List<String> problems(String yaml) {
        try {
            read(yaml);
        } catch (InvalidSpecException e) {
            return e.problems().stream().map(Problem::toString).toList();
        }
        throw new AssertionError("the spec was accepted");
    }

    private static ItemGenerator generator(TableSpec table, long runSeed) {
        return ItemGenerator.forTable(table.name(), table.seed(), runSeed, NOW);
    }

    @Test
    void collections_giveEachParentTheDrawnNumberOfChildren_underItsPartitionKey() {
        TableSpec table = SpecReader.read(Path.of("src/test/resources/specs/single-table/shop.yaml"))
                .tables()
                .get(0);
        ItemGenerator generator = generator(table, 1);
        Map<String, Integer> ordersByUser = new HashMap<>();
        Set<String> keys = new HashSet<>();
        long users = 0;
        for (long i = 0; i < table.seed().count(); i++) {
            Map<String, AttributeValue> item = generator.item(i);
            assertThat(keys.add(item.get("PK").s() + "|" + item.get("SK").s()))
                    .as("key of item %d is unique", i)
                    .isTrue();
            if (item.get("SK").s().equals("PROFILE")) {
                users++;
                assertThat(item).doesNotContainKey("status");
            } else {
                assertThat(item.get("SK").s()).startsWith("ORDER#2024-");
                assertThat(item.get("PK").s())
                        .isEqualTo("USER#%06d"
                                .formatted(Long.parseLong(item.get("user_id").s())));
                ordersByUser.merge(item.get("PK").s(), 1, Integer::sum);
            }
        }
        // Each user's count is drawn from intRange 0..20 by (randomSeed, entity, collection, user) alone.
        EntityLayout layout = EntityLayout.of(table.seed());
        assertThat(users).isEqualTo(20);
        assertThat(table.seed().count()).isEqualTo(20 + layout.children(0, 0)).isEqualTo(165);
        assertThat(ordersByUser.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(145);
        assertThat(ordersByUser.values()).allSatisfy(count -> assertThat(count).isBetween(1, 20));
        assertThat(new HashSet<>(ordersByUser.values()))
                .as("counts vary from user to user")
                .hasSizeGreaterThan(5);
        Map<String, Integer> declared = new HashMap<>();
        for (long i = 20; i < table.seed().count(); i++) {
            declared.merge("USER#%06d".formatted(layout.locate(i).parent() + 1), 1, Integer::sum);
        }
        assertThat(ordersByUser).isEqualTo(declared);
    }

    @Test
    void layout_locatesEveryIndex_parentsFirstThenChildrenParentByParent() {
        TableSpec table = read("""
                tables:
                  - name: app
                    partitionKey: {name: PK, type: S}
                    sortKey: {name: SK, type: S}
                    seed:
                      randomSeed: 3
                      entities:
                        user:
                          count: 1000
                          attributes: {PK: 'U#{id}', SK: {generator: constant, value: U}, id: sequence}
                          collections:
                            order:
                              perParent: {generator: number, distribution: zipf, min: 0, max: 50}
                              attributes: {PK: '{parent.PK}', SK: 'O#{n:06}', n: sequence}
                """).tables().get(0);
        EntityLayout layout = EntityLayout.of(table.seed());
        long previousParent = 0;
        long previousOrdinal = -1;
        for (long i = 1000; i < layout.total(); i++) {
            EntityLayout.Position position = layout.locate(i);
            assertThat(position.collection()).isZero();
            assertThat(position.ordinal()).isEqualTo(previousOrdinal + 1);
            assertThat(position.parent()).isGreaterThanOrEqualTo(previousParent);
            previousParent = position.parent();
            previousOrdinal = position.ordinal();
        }
        assertThat(layout.locate(999)).isEqualTo(new EntityLayout.Position(0, -1, 999, -1));
        assertThat(previousParent).isLessThan(1000);
        // Zipf over 0..50: rank 1 (no orders) is the most frequent, so many users have none.
        assertThat(layout.total()).isEqualTo(table.seed().count()).isBetween(1000L + 1000, 1000L + 20_000);
    }

    @Test
    void itemI_isTheSameWhicheverWayItIsReached_soShardsAndResumeAgree() {
        TableSpec table = SpecReader.read(Path.of("src/test/resources/specs/single-table/shop.yaml"))
                .tables()
                .get(0);
        ItemGenerator forwards = generator(table, 1);
        ItemGenerator other = generator(table, 99);
        for (long i = table.seed().count() - 1; i >= 0; i -= 7) {
            // randomSeed fixes the values: another run seed, and another order, give the same item.
            assertThat(other.item(i)).isEqualTo(forwards.item(i));
        }
    }

    @Test
    void cappedCount_keepsTheEntities() {
        TableSpec table = SpecReader.read(Path.of("src/test/resources/specs/single-table/shop.yaml"))
                .tables()
                .get(0);
        var capped = table.seed().withCount(25);

        assertThat(capped.entities()).isEqualTo(table.seed().entities());
        assertThat(ItemGenerator.forTable(table.name(), capped, 1, NOW).item(24))
                .isEqualTo(generator(table, 1).item(24));
    }

    private static final String USERS_AND_ORDERS = """
            tables:
              - name: users
                partitionKey: {name: user_id, type: S}
                seed:
                  count: 100
                  %s
                  attributes:
                    user_id: {generator: sequence, prefix: user-}
              - name: orders
                partitionKey: {name: order_id, type: S}
                seed:
                  count: 3000
                  attributes:
                    order_id: uuid4
                    user_id: {generator: ref, to: users.user_id, distribution: %s}
            """;

    @Test
    void references_nameOnlyKeysThatExist_uniformlyOrSkewed() {
        Spec spec = read(USERS_AND_ORDERS.formatted("randomSeed: 5", "uniform"));
        Set<String> users = new HashSet<>();
        ItemGenerator usersGenerator = generator(spec.tables().get(0), 17);
        LongStream.range(0, 100)
                .forEach(i -> users.add(usersGenerator.item(i).get("user_id").s()));
        ItemGenerator orders = generator(spec.tables().get(1), 17);
        Map<String, Integer> uniform = new HashMap<>();
        LongStream.range(0, 3000)
                .forEach(i -> uniform.merge(orders.item(i).get("user_id").s(), 1, Integer::sum));

        assertThat(users).containsAll(uniform.keySet());
        assertThat(uniform).hasSize(100);
        assertThat(uniform.values()).allSatisfy(count -> assertThat(count).isBetween(10, 55));

        Spec skewed = read(USERS_AND_ORDERS.formatted("randomSeed: 5", "zipf"));
        ItemGenerator zipf = generator(skewed.tables().get(1), 17);
        Map<String, Integer> counts = new HashMap<>();
        LongStream.range(0, 3000)
                .forEach(i -> counts.merge(zipf.item(i).get("user_id").s(), 1, Integer::sum));
        assertThat(users).containsAll(counts.keySet());
        // Zipf (exponent 1) over 100 users: the first has 1/H(100) = 19 % of the orders.
        assertThat(counts.get("user-1") / 3000.0).isBetween(0.16, 0.23);
    }

    @Test
    void references_toATableWithoutRandomSeed_matchTheKeysOfTheSameRun() {
        Spec spec = read(USERS_AND_ORDERS
                .formatted("", "uniform")
                .replace("user_id: {generator: sequence, prefix: user-}", "user_id: uuid4"));
        Set<String> users = new HashSet<>();
        ItemGenerator usersGenerator = generator(spec.tables().get(0), 17);
        LongStream.range(0, 100)
                .forEach(i -> users.add(usersGenerator.item(i).get("user_id").s()));
        ItemGenerator orders = generator(spec.tables().get(1), 17);
        ItemGenerator otherRun = generator(spec.tables().get(1), 18);

        assertThat(LongStream.range(0, 300)
                        .mapToObj(i -> orders.item(i).get("user_id").s()))
                .allSatisfy(id -> assertThat(users).contains(id));
        assertThat(users).doesNotContain(otherRun.item(0).get("user_id").s());
    }

    @Test
    void references_toUnknownTablesAndAttributes_orEmptyTables_areProblemsWithLineAndSuggestion() {
        String yaml = """
                tables:
                  - name: users
                    partitionKey: {name: user_id, type: S}
                    seed:
                      count: 0
                      attributes: {user_id: uuid4}
                  - name: orders
                    partitionKey: {name: order_id, type: S}
                    seed:
                      count: 10
                      attributes:
                        order_id: uuid4
                        a: {generator: ref, to: user.user_id}
                        b: {generator: ref, to: users.userid}
                        c: {generator: ref, to: users.user_id}
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "spec.yaml:13:29: tables[1].seed.attributes.a.to: 'user.user_id' names no table of this spec;"
                                + " did you mean 'users'? write table.attribute, e.g. to: users.user_id, with one of"
                                + " [users, orders]",
                        "spec.yaml:14:29: tables[1].seed.attributes.b.to: 'users.userid': table users generates no"
                                + " attribute 'userid'; did you mean 'user_id'? use one of [user_id]",
                        "spec.yaml:15:29: tables[1].seed.attributes.c.to: 'users.user_id': table users generates 0"
                                + " items, so there is nothing to reference; give it a count of at least 1");
    }

    @Test
    void templateCycles_andUnknownAttributes_areProblemsNamingTheChain() {
        String yaml = """
                tables:
                  - name: cycles
                    partitionKey: {name: a, type: S}
                    seed:
                      count: 1
                      attributes:
                        a: '{b}'
                        b: 'x{c}'
                        c: '{a}#{nme}'
                        name: uuid4
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "spec.yaml:9:9: tables[0].seed.attributes.c: reads {nme}, which is not an attribute of the"
                                + " item; did you mean {name}? use one of [a, b, c, name]",
                        "spec.yaml:7:9: tables[0].seed.attributes.a: templates read each other in a cycle:"
                                + " a -> b -> c -> a; let one of them be made by a generator of its own");
    }

    @Test
    void referenceCycles_areProblemsNamingTheChain() {
        String yaml = """
                tables:
                  - name: left
                    partitionKey: {name: id, type: S}
                    seed:
                      count: 1
                      attributes: {id: {generator: ref, to: right.id}}
                  - name: right
                    partitionKey: {name: id, type: S}
                    seed:
                      count: 1
                      attributes: {id: {generator: ref, to: left.id}}
                """;

        assertThat(problems(yaml))
                .anySatisfy(problem -> assertThat(problem)
                        .contains("tables[0].seed.attributes.id.to: references form a cycle: right.id -> left.id"
                                + " -> right.id"));
    }

    @Test
    void entityProblems_nameTheEntityTheKeyAndTheLine() {
        String yaml = """
                tables:
                  - name: app
                    partitionKey: {name: PK, type: S}
                    sortKey: {name: SK, type: S}
                    globalSecondaryIndexes:
                      - name: by_status
                        partitionKey: {name: status, type: S}
                    seed:
                      entities:
                        user:
                          count: 5
                          attributes: {PK: 'U#{id}', id: sequence, status: {generator: intRange, min: 1, max: 2}}
                          collections:
                            order:
                              perParent: {generator: oneOf, values: [a]}
                              attributes: {PK: '{parent.PK}', SK: '{parent.nme}', n: uuidd4}
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "spec.yaml:16:67: tables[0].seed.entities.user.collections.order.attributes.n: 'uuidd4' is not"
                                + " a generator; did you mean 'uuid4'? use one of "
                                + String.join(", ", GeneratorKinds.names()));
        String fixed = yaml.replace("n: uuidd4", "n: uuid4");
        assertThat(problems(fixed))
                .containsExactly(
                        "spec.yaml:12:11: tables[0].seed.entities.user.attributes.SK: missing; every item type needs"
                                + " the sort key 'SK' of type S, e.g. SK: 'USER#{user_id}'",
                        "spec.yaml:12:52: tables[0].seed.entities.user.attributes.status: generator 'intRange' yields"
                                + " N but 'status', a key of index by_status, is S; use a generator that yields S",
                        "spec.yaml:15:15: tables[0].seed.entities.user.collections.order.perParent: generator 'oneOf'"
                                + " does not draw whole numbers of at least 0 here; use intRange (min ≥ 0), number"
                                + " (scale 0, min ≥ 0) or a whole constant ≥ 0, e.g. perParent: {generator: intRange,"
                                + " min: 0, max: 20}",
                        "spec.yaml:16:47: tables[0].seed.entities.user.collections.order.attributes.SK: reads"
                                + " {parent.nme}, which is not an attribute of the parent; use one of [PK, id, status]");
    }

    @Test
    void invalidDatafakerExpression_isRefusedAtValidation() {
        String yaml = """
                tables:
                  - name: people
                    partitionKey: {name: id, type: S}
                    seed:
                      count: 1
                      attributes:
                        id: uuid4
                        name: {generator: fake, expression: '#{Name.fulName}'}
                """;

        assertThat(problems(yaml))
                .containsExactly("spec.yaml:8:33: tables[0].seed.attributes.name.expression: '#{Name.fulName}' is not a"
                        + " Datafaker expression (Unable to resolve #{Name.fulName} directive); write e.g."
                        + " '#{Name.fullName}' or '#{Internet.emailAddress}' (see"
                        + " https://www.datafaker.net/documentation/providers/)");
    }

    @Test
    void entityFieldTypos_areProblemsWithTheLineAndASuggestion() {
        String yaml = """
                tables:
                  - name: app
                    partitionKey: {name: PK, type: S}
                    seed:
                      entities:
                        user:
                          count: 2
                          atributes: {PK: uuid4}
                """;

        assertThat(problems(yaml))
                .containsExactly(
                        "spec.yaml:8:11: tables[0].seed.entities.user.atributes: unknown field; did you mean"
                                + " 'attributes'? fields allowed here: count, attributes, collections",
                        "spec.yaml:6:9: tables[0].seed.entities.user.attributes: missing; add e.g. attributes:"
                                + " {PK: 'USER#{user_id}', user_id: sequence}");
    }

    @Test
    void references_toAnEntity_pickKeysOfThatEntitysItems() {
        String shop = new String(SingleTableFixture.read(), java.nio.charset.StandardCharsets.UTF_8);
        Spec spec = read(shop + """
                  - name: reviews
                    partitionKey: {name: review_id, type: S}
                    seed:
                      count: 200
                      attributes:
                        review_id: uuid4
                        author: {generator: ref, to: shop.user.PK}
                """);
        ItemGenerator users = generator(spec.tables().get(0), 3);
        Set<String> userKeys = new HashSet<>();
        LongStream.range(0, 20)
                .forEach(i -> userKeys.add(users.item(i).get("PK").s()));
        ItemGenerator reviews = generator(spec.tables().get(1), 3);

        assertThat(LongStream.range(0, 200)
                        .mapToObj(i -> reviews.item(i).get("author").s()))
                .allSatisfy(author -> assertThat(userKeys).contains(author));
    }

    /** The single-table fixture's text. */
    private static final class SingleTableFixture {
        static byte[] read() {
            try {
                return java.nio.file.Files.readAllBytes(Path.of("src/test/resources/specs/single-table/shop.yaml"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
