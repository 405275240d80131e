package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.generate.ItemGenerator;
import dev.dynaseed.spec.SpecReader.SpecFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gaps a hostile tester found in the generator language: specs that passed validation and then wrote values outside
 * their bounds, failed at DynamoDB after CreateTable, or stopped with a Java error. Each is refused before any
 * request now, with the field, the value and the fix; or, where validation cannot know, made as the spec says.
 */
class GeneratorGapsTest {
    private static List<String> problems(String yaml) {
        try {
            SpecReader.read(yaml, SpecFormat.YAML, "gaps");
            return List.of();
        } catch (InvalidSpecException e) {
            return e.problems().stream()
                    .map(problem -> new Problem(problem.path(), problem.message()).toString())
                    .toList();
        }
    }

    private static List<String> seed(String keys, String attributes) {
        return problems("tables:\n  - name: gaps\n" + keys + "    seed:\n      count: 3\n      randomSeed: 1\n"
                + "      attributes: {" + attributes + "}\n");
    }

    private static List<String> attributes(String attributes) {
        return seed("    partitionKey: {name: id, type: N}\n", "id: {generator: sequence}, " + attributes);
    }

    @Test
    void decimalRange_withNoValueOfItsScaleInRange_isRefused_notWrittenAboveMax() {
        assertThat(attributes("price: {generator: decimalRange, min: 0.001, max: 0.009}"))
                .containsExactly("tables[0].seed.attributes.price: no number with 2 digits after the point lies"
                        + " between min 0.001 and max 0.009; widen them, or give more decimals with scale: 3");
        assertThat(attributes("whole: {generator: decimalRange, min: 1.2, max: 1.8, scale: 0}"))
                .containsExactly("tables[0].seed.attributes.whole: no whole number lies between min 1.2 and max 1.8;"
                        + " widen them, or give decimals with scale: 1");
        assertThat(attributes("tiny: {generator: decimalRange, min: 1e-130, max: 2e-130, scale: 20}"))
                .containsExactly("tables[0].seed.attributes.tiny: no number with 20 digits after the point lies"
                        + " between min 0." + "0".repeat(129) + "1 and max 0." + "0".repeat(129) + "2; widen them");
    }

    @Test
    void number_withNoValueOfItsScaleInRange_isRefused_forUniformAndNormal() {
        assertThat(attributes("u: {generator: number, min: 0.001, max: 0.009, scale: 2}"))
                .containsExactly("tables[0].seed.attributes.u: no number with 2 digits after the point lies between"
                        + " min 0.001 and max 0.009; widen them, or give more decimals with scale: 3");
        assertThat(attributes(
                        "nn: {generator: number, distribution: normal, min: 0.001, max: 0.009, stddev: 1, scale: 1}"))
                .containsExactly("tables[0].seed.attributes.nn: no number with 1 digit after the point lies between"
                        + " min 0.001 and max 0.009; widen them, or give more decimals with scale: 3");
    }

    @Test
    void numbersDrawnWithinTheirScale_stayWithinMinAndMax() {
        Spec spec = SpecReader.read(
                "tables:\n  - name: gaps\n    partitionKey: {name: id, type: N}\n    seed:\n      count: 200\n"
                        + "      randomSeed: 1\n      attributes: {id: {generator: sequence},"
                        + " u: {generator: number, min: 0.001, max: 0.019, scale: 2},"
                        + " d: {generator: decimalRange, min: 0.001, max: 0.019, scale: 2}}\n",
                SpecFormat.YAML,
                "gaps");
        ItemGenerator generator =
                ItemGenerator.forTable("gaps", spec.tables().get(0).seed(), 1, Instant.parse("2026-01-01T00:00:00Z"));
        for (long i = 0; i < 200; i++) {
            for (String name : List.of("u", "d")) {
                assertThat(new BigDecimal(generator.item(i).get(name).n())).isEqualByComparingTo("0.01");
            }
        }
    }

    @Test
    void zipf_overTheWidestRangeAllowed_isMade_andJustBeyondIsRefused() {
        Spec spec = SpecReader.read(
                "tables:\n  - name: gaps\n    partitionKey: {name: id, type: N}\n    seed:\n      count: 5\n"
                        + "      randomSeed: 1\n      attributes: {id: {generator: sequence}, z: {generator: number,"
                        + " distribution: zipf, min: -4611686018427387903, max: 4611686018427387903}}\n",
                SpecFormat.YAML,
                "gaps");
        ItemGenerator generator =
                ItemGenerator.forTable("gaps", spec.tables().get(0).seed(), 1, Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(new BigDecimal(generator.item(0).get("z").n()))
                .isBetween(new BigDecimal("-4611686018427387903"), new BigDecimal("4611686018427387903"));
        assertThat(
                        attributes(
                                "z: {generator: number, distribution: zipf, min: -4611686018427387904, max: 4611686018427387903}"))
                .containsExactly("tables[0].seed.attributes.z: min and max must lie within ±4611686018427387903; use"
                        + " decimalRange for wider numbers");
    }

    @Test
    void oneOf_withHugeWeights_picksByWeight_notAlwaysTheLast() {
        Spec spec = SpecReader.read(
                "tables:\n  - name: gaps\n    partitionKey: {name: id, type: N}\n    seed:\n      count: 2000\n"
                        + "      randomSeed: 1\n      attributes: {id: {generator: sequence},"
                        + " n: {generator: oneOf, values: [x, y, z], weights: [1e300, 1e300, 1]}}\n",
                SpecFormat.YAML,
                "gaps");
        ItemGenerator generator =
                ItemGenerator.forTable("gaps", spec.tables().get(0).seed(), 1, Instant.parse("2026-01-01T00:00:00Z"));
        Map<String, Integer> counts = new HashMap<>();
        for (long i = 0; i < 2000; i++) {
            counts.merge(generator.item(i).get("n").s(), 1, Integer::sum);
        }
        assertThat(counts).containsOnlyKeys("x", "y");
        assertThat(counts.get("x")).isBetween(850, 1150);
    }

    @Test
    void oneOf_weightsBeyondTheStatedBounds_orAnEmptyList_areRefused() {
        assertThat(attributes("n: {generator: oneOf, values: [x, y], weights: [1e308, 1]}"))
                .containsExactly("tables[0].seed.attributes.n.weights[0]: 1E+308 is out of range; use a number from"
                        + " 1E-300 to 1E+300, e.g. weights: [70, 20, 10]");
        assertThat(attributes("n: {generator: oneOf, values: [x, y], weights: [1e-320, 1]}"))
                .hasSize(1)
                .allMatch(problem -> problem.startsWith("tables[0].seed.attributes.n.weights[0]: ")
                        && problem.endsWith(" is out of range; use a number from 1E-300 to 1E+300, e.g. weights:"
                                + " [70, 20, 10]"));
        assertThat(attributes("n: {generator: oneOf, values: [x, y], weights: []}"))
                .containsExactly("tables[0].seed.attributes.n.weights: is empty; give one number per value, e.g."
                        + " weights: [70, 20, 10], or leave it out");
    }

    @Test
    void optionalKeys_areRefused_forTheTableAndForAnIndexThatIsNotSparse() {
        assertThat(seed(
                        "    partitionKey: {name: id, type: N}\n",
                        "id: {generator: optional, of: {generator: sequence}}"))
                .containsExactly("tables[0].seed.attributes.id: is optional, but the partition key 'id' must be in"
                        + " every item (DynamoDB refuses an item without it); remove the optional");
        assertThat(seed(
                        "    partitionKey: {name: id, type: N}\n    sortKey: {name: sk, type: S}\n",
                        "id: {generator: sequence}, sk: {generator: optional, probability: 1, of: uuid4}"))
                .containsExactly("tables[0].seed.attributes.sk: is optional, but the sort key 'sk' must be in every"
                        + " item (DynamoDB refuses an item without it); remove the optional");
        String index = "    partitionKey: {name: id, type: N}\n"
                + "    globalSecondaryIndexes:\n      - {name: by_gp, partitionKey: {name: gp, type: S}%s}\n";
        assertThat(seed(
                        index.formatted(""),
                        "id: {generator: sequence}, gp: {generator: optional, probability: 0.5, of: uuid4}"))
                .containsExactly("tables[0].seed.attributes.gp: is optional, but 'gp', the partition key of index"
                        + " by_gp, is not sparse: the items without it would stay out of the index; remove the"
                        + " optional, or mark index by_gp sparse: true if items may lack it");
        assertThat(seed(
                        index.formatted(", sparse: true"),
                        "id: {generator: sequence}, gp: {generator: optional, probability: 0.5, of: uuid4}"))
                .isEmpty();
    }

    @Test
    void keysThatWouldBeEmpty_areRefused_beforeAnyRequest() {
        assertThat(seed("    partitionKey: {name: id, type: S}\n", "id: {generator: constant, value: ''}"))
                .contains("tables[0].seed.attributes.id: is an empty string, which DynamoDB refuses as a key value;"
                        + " give it a value");
        assertThat(seed(
                        "    partitionKey: {name: id, type: S}\n",
                        "opt: {generator: optional, probability: 0.5, of: {generator: sequence, prefix: u}},"
                                + " id: '{opt}'"))
                .containsExactly("tables[0].seed.attributes.id: reads 'opt', which is optional: in the items without"
                        + " it the key would be made without it (an empty string when nothing else is in it, which"
                        + " DynamoDB refuses); make 'opt' always present, or leave it out of the key");
        assertThat(seed(
                        "    partitionKey: {name: id, type: N}\n"
                                + "    globalSecondaryIndexes:\n      - {name: by_gp, partitionKey: {name: gp,"
                                + " type: S}, sparse: true}\n",
                        "id: {generator: sequence}, gp: {generator: constant, value: ''}"))
                .containsExactly("tables[0].seed.attributes.gp: 'gp', the partition key of index by_gp, is an empty"
                        + " string, which DynamoDB refuses as a key value; give it a value");
    }

    @Test
    void references_toATableWithoutAnAttribute_orWithoutASeed_sayWhatIsMissing() {
        String spec = """
                tables:
                  - name: users
                    partitionKey: {name: user_id, type: S}
                    seed: {count: 3, attributes: {user_id: uuid4}}
                  - name: noseed
                    partitionKey: {name: id, type: S}
                  - name: orders
                    partitionKey: {name: id, type: S}
                    seed:
                      count: 3
                      attributes: {id: uuid4, a: {generator: ref, to: users}, c: {generator: ref, to: noseed.id}}
                """;
        assertThat(problems(spec))
                .containsExactlyInAnyOrder(
                        "tables[2].seed.attributes.a.to: 'users' names a table but no attribute of it; write"
                                + " table.attribute, e.g. to: users.user_id",
                        "tables[2].seed.attributes.c.to: 'noseed.id': table noseed has no seed, so it has no generated"
                                + " items to reference; give it a seed with 'id' among its attributes");
    }

    @Test
    void collections_withMoreChildrenThanCanBeCounted_areOneProblem_notAJavaError() {
        String spec = """
                tables:
                  - name: ent5
                    partitionKey: {name: PK, type: S}
                    sortKey: {name: SK, type: S}
                    seed:
                      randomSeed: 5
                      entities:
                        user:
                          count: 40
                          attributes:
                            uid: {generator: sequence}
                            PK: 'U#{uid}'
                            SK: {generator: constant, value: PROFILE}
                          collections:
                            b:
                              perParent: {generator: intRange, min: 0, max: 9223372036854775807}
                              attributes:
                                i: {generator: sequence}
                                PK: '{parent.PK}'
                                SK: 'B#{i}'
                """;
        assertThat(problems(spec))
                .containsExactly("tables[0].seed.entities: make more items with their collections than can be counted;"
                        + " at most 100,000,000 are allowed: lower the counts, or the collections' perParent max");
    }

    private static ItemGenerator generator(String attributes) {
        Spec spec = SpecReader.read(
                "tables:\n  - name: gaps\n    partitionKey: {name: id, type: N}\n    seed:\n      count: 50\n"
                        + "      randomSeed: 1\n      attributes: {id: {generator: sequence}, " + attributes + "}\n",
                SpecFormat.YAML,
                "gaps");
        return ItemGenerator.forTable("gaps", spec.tables().get(0).seed(), 1, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void numberSets_holdEachValueOnce_byValue_as1And1Point0AreOneNumber() {
        ItemGenerator generator =
                generator("ns: {generator: set, minSize: 2, maxSize: 2, of: {generator: oneOf, values: [1, 1.0, 2]}}");
        for (long i = 0; i < 50; i++) {
            List<String> set = generator.item(i).get("ns").ns();
            assertThat(set).hasSize(2);
            assertThat(set.stream()
                            .map(n -> new BigDecimal(n).stripTrailingZeros())
                            .distinct())
                    .hasSize(2);
        }
    }

    @Test
    void aSetItsGeneratorCannotFill_stopsWithTheAttributeAndItem_neverWrittenSmallerThanMinSize() {
        ItemGenerator generator = generator(
                "n: {generator: set, minSize: 2, of: {generator: timestamp, from: 2024-01-01, to: 2024-01-01}}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> generator.item(0))
                .isInstanceOf(dev.dynaseed.generate.GenerationException.class)
                .hasMessageStartingWith(
                        "generator 'set' of attribute 'n' failed at item 0: its of made only 1" + " distinct value in ")
                .hasMessageEndingWith(" tries, fewer than minSize 2 (a set holds each value once); lower minSize, or"
                        + " let of make more values");
    }

    @Test
    void timestampBoundsFinerThanAMillisecond_areRefused_andTheLastMillisecondOf9999IsAllowed() {
        assertThat(
                        attributes(
                                "f: {generator: timestamp, from: '2024-01-01T00:00:00.0001Z', to: '2024-01-01T00:00:00.0009Z'}"))
                .containsExactly(
                        "tables[0].seed.attributes.f.from: '2024-01-01T00:00:00.0001Z' is finer than a millisecond,"
                                + " and timestamps are made to the millisecond (a value could fall outside from to"
                                + " to); write at most 3 digits after the seconds, e.g. from: 2025-01-01T12:00:00.001Z",
                        "tables[0].seed.attributes.f.to: '2024-01-01T00:00:00.0009Z' is finer than a millisecond,"
                                + " and timestamps are made to the millisecond (a value could fall outside from to"
                                + " to); write at most 3 digits after the seconds, e.g. to: 2025-01-01T12:00:00.001Z");
        assertThat(attributes("f: {generator: timestamp, from: 2024-01-01, to: '9999-12-31T23:59:59.999Z'}"))
                .isEmpty();
    }

    @Test
    void isoTimestamps_alwaysHaveTheirMilliseconds_soTheirTextSortsAsTime() {
        ItemGenerator generator = generator("iso: {generator: isoTimestamp, withinSeconds: 1000}, at: isoTimestamp");
        for (long i = 0; i < 50; i++) {
            assertThat(generator.item(i).get("iso").s()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        }
        assertThat(generator.item(0).get("at").s()).isEqualTo("2025-01-01T00:00:00.000Z");
    }

    @Test
    void keysThatCanTakeFewerValuesThanThereAreItems_areRefused() {
        assertThat(seed("    partitionKey: {name: id, type: S}\n", "id: {generator: oneOf, values: [only]}"))
                .containsExactly("tables[0].seed.attributes: the 3 items can get at most 1 distinct key (id oneOf),"
                        + " and DynamoDB keeps one item per key, so at least 2 would be overwritten; make a key"
                        + " attribute differ per item, e.g. id: 'ITEM#{item_id}' with item_id: {generator: sequence}");
        assertThat(seed("    partitionKey: {name: id, type: N}\n", "id: {generator: intRange, min: 7, max: 8}"))
                .singleElement()
                .asString()
                .contains("the 3 items can get at most 2 distinct keys");
        assertThat(seed(
                        "    partitionKey: {name: id, type: S}\n",
                        "t: {generator: timestamp, from: 2024-01-01, to: 2024-01-01}, id: 'K{t}'"))
                .singleElement()
                .asString()
                .contains("the 3 items can get at most 1 distinct key (id 'K{t}')");
        assertThat(seed("    partitionKey: {name: id, type: N}\n", "id: {generator: intRange, min: 1, max: 3}"))
                .isEmpty();
    }

    @Test
    void twoEntityTypesMakingTheirKeysAlike_areRefused() {
        String table = """
                tables:
                  - name: ent
                    partitionKey: {name: PK, type: S}
                    sortKey: {name: SK, type: S}
                    seed:
                      randomSeed: 5
                      entities:
                        user:
                          count: 3
                          attributes: {n: {generator: sequence}, PK: 'U#{n}', SK: {generator: constant, value: P}}
                        %s:
                          count: 2
                          attributes: {n: {generator: sequence}, PK: '%s#{n}', SK: {generator: constant, value: P}}
                """;
        assertThat(problems(table.formatted("admin", "U")))
                .containsExactly("tables[0].seed.entities.admin.attributes: makes its keys as entity user does (PK"
                        + " 'U#{n}', SK constant 'P'), so its first 2 items get the keys of user's and would overwrite"
                        + " them (DynamoDB keeps one item per key); give each entity type a key of its own, e.g. a"
                        + " prefix such as 'ADMIN#{...}'");
        assertThat(problems(table.formatted("admin", "A"))).isEmpty();
    }

    @Test
    void sizeAndElementMessages_giveAFixThatWorks() {
        assertThat(attributes("l: {generator: list, minSize: 6, of: uuid4}"))
                .containsExactly("tables[0].seed.attributes.l.maxSize: 5 is below minSize 6 (maxSize is 5 unless"
                        + " given); use at least minSize, e.g. maxSize: 6");
        assertThat(attributes("tags: {generator: set, of: {generator: optional, of: uuid4}}"))
                .containsExactly("tables[0].seed.attributes.tags.of: an element cannot be optional; a set has at"
                        + " least minSize elements (1 or more), so make the whole set optional instead, e.g."
                        + " {generator: optional, of: {generator: set, of: uuid4}}");
    }

    @Test
    void datafakerExpressionsOnTheWallClock_areRefusedUnderARandomSeed_andAsReferences() {
        assertThat(attributes("past: '#{Date.past ''10'',''DAYS''}'"))
                .containsExactly("tables[0].seed.attributes.past.expression: '#{Date.past '10','DAYS'}' follows"
                        + " the wall clock (Datafaker's past, future and birthday count from now, not from the run's"
                        + " baseTime), so its values would differ from run to run despite randomSeed; use {generator:"
                        + " timestamp, from: 2024-01-01, to: 2024-12-31} or isoTimestamp with withinSeconds, which"
                        + " follow baseTime");
        assertThat(attributes("name: '#{Name.fullName}', pastTense: '#{Verb.past}'"))
                .isEmpty();
        String spec = """
                tables:
                  - name: src
                    partitionKey: {name: id, type: S}
                    seed: {count: 3, attributes: {id: '#{TimeAndDate.past}'}}
                  - name: dst
                    partitionKey: {name: n, type: N}
                    seed: {count: 3, attributes: {n: {generator: sequence}, rid: {generator: ref, to: src.id}}}
                """;
        assertThat(problems(spec))
                .containsExactly("tables[1].seed.attributes.rid.to: 'src.id' is made by a Datafaker expression that"
                        + " follows the wall clock, so the value made again for the reference would differ from the"
                        + " one written; reference an attribute made otherwise, e.g. a timestamp generator or the"
                        + " table's key");
    }

    @Test
    void paddingAndPerParentMessages_nameTheRealLimit() {
        assertThat(attributes("n2: {generator: sequence}, id2: 'X{n2:0100}'"))
                .singleElement()
                .asString()
                .contains("pads to 100 characters in {n2:0100}; zero-padding goes from 1 to 99 characters (0N with N"
                        + " at most 99), e.g. {n2:06}");
        String spec = """
                tables:
                  - name: ent
                    partitionKey: {name: PK, type: S}
                    sortKey: {name: SK, type: S}
                    seed:
                      entities:
                        user:
                          count: 2
                          attributes: {uid: {generator: sequence}, PK: 'U#{uid}', SK: {generator: constant, value: P}}
                          collections:
                            order:
                              perParent: {generator: intRange, min: -3, max: 2}
                              attributes: {i: {generator: sequence}, PK: '{parent.PK}', SK: 'O#{i}'}
                """;
        assertThat(problems(spec))
                .containsExactly("tables[0].seed.entities.user.collections.order.perParent.min: -3 is below 0, and a"
                        + " parent cannot have fewer than 0 children; use min: 0, e.g. perParent: {generator:"
                        + " intRange, min: 0, max: 20}");
    }

    @Test
    void childrenOfOneParentWithFewerKeysThanChildren_orSiblingCollectionsMakingTheSameKeys_areRefused() {
        String spec =
                "tables:\n  - name: ent\n    partitionKey: {name: PK, type: S}\n    sortKey: {name: SK, type: S}\n"
                        + "    seed:\n      entities:\n        user:\n          count: 2\n"
                        + "          attributes: {uid: {generator: sequence}, PK: 'U#{uid}', SK: {generator: constant, value: P}}\n"
                        + "          collections:\n";
        String cart = "            item:\n              perParent: {generator: constant, value: 5}\n"
                + "              attributes: {PK: '{parent.PK}', SK: {generator: oneOf, values: [CART]}}\n";
        assertThat(problems(spec + cart))
                .containsExactly("tables[0].seed.entities.user.collections.item.attributes: one user may get up to 5"
                        + " item items, but they can get at most 1 distinct key (PK '{parent.PK}', SK oneOf), and"
                        + " DynamoDB keeps one item per key, so the rest would be overwritten; make a key attribute"
                        + " differ per item, e.g. SK: 'ITEM#{item_id}' with item_id: {generator: sequence}");
        String sibling = "              perParent: {generator: constant, value: 1}\n"
                + "              attributes: {PK: '{parent.PK}', SK: {generator: constant, value: S}}\n";
        assertThat(problems(spec + "            settings:\n" + sibling + "            prefs:\n" + sibling))
                .containsExactly("tables[0].seed.entities.user.collections.prefs.attributes: makes its keys as"
                        + " collection settings does (PK '{parent.PK}', SK constant 'S'), so the children of one user"
                        + " get the same keys in both and overwrite each other (DynamoDB keeps one item per key); give"
                        + " each collection a key of its own, e.g. a prefix such as 'PREFS#{...}'");
    }

    @Test
    void uuid1_withABaseTimeAVersion1UuidCannotHold_isRefused() {
        String spec = "tables:\n  - name: gaps\n    partitionKey: {name: id, type: S}\n    seed:\n      count: 3\n"
                + "      randomSeed: 1\n      baseTime: %s\n      attributes: {id: uuid1}\n";
        assertThat(problems(spec.formatted("9999-12-31T00:00:00Z")))
                .containsExactly("tables[0].seed.attributes.id: the base time 9999-12-31T00:00:00Z is outside what a"
                        + " version 1 UUID can hold (1582-10-15 to 5236-03-31); set seed.baseTime within it, e.g."
                        + " baseTime: 2025-01-01T00:00:00Z, or use uuid4");
        assertThat(problems(spec.formatted("1000-01-01T00:00:00Z"))).hasSize(1);
        assertThat(problems(spec.formatted("2030-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void notANumber_isNamedAsSuch_notAsAnExponentOutOfRange() {
        assertThat(attributes("k: {generator: constant, value: .nan}"))
                .singleElement()
                .asString()
                .contains("'.nan' is not a number DynamoDB can store (it has no NaN or infinity); write a number, or"
                        + " quote it to store text, e.g. '.nan'");
        assertThat(attributes("k: {generator: constant, value: -.inf}"))
                .singleElement()
                .asString()
                .contains("'-.inf' is not a number DynamoDB can store");
    }

    @Test
    void everyTemplateCycle_isReported_notOnlyTheFirst() {
        assertThat(attributes("a: '{b}', b: '{a}', c: '{d}', d: '{c}', e: '{e}'"))
                .containsExactly(
                        "tables[0].seed.attributes.a: templates read each other in a cycle: a -> b -> a; let one of"
                                + " them be made by a generator of its own",
                        "tables[0].seed.attributes.c: templates read each other in a cycle: c -> d -> c; let one of"
                                + " them be made by a generator of its own",
                        "tables[0].seed.attributes.e: templates read each other in a cycle: e -> e; let one of them be"
                                + " made by a generator of its own");
    }

    @Test
    void namesThatWouldDrawTheSameValues_areRefused_forAttributesAndForTables() {
        assertThat(attributes("Aa: uuid4, BB: uuid4"))
                .containsExactly("tables[0].seed.attributes.BB: draws the same values as 'Aa' in every item (each"
                        + " attribute's random values come from its name, and these two names give the same); rename"
                        + " one of them");
        String tables = "tables:\n"
                + "  - name: hashAa\n    partitionKey: {name: id, type: S}\n    seed: {count: 3, %s attributes: {id: uuid4}}\n"
                + "  - name: hashBB\n    partitionKey: {name: id, type: S}\n    seed: {count: 3, %s attributes: {id: uuid4}}\n";
        assertThat(problems(tables.formatted("randomSeed: 1,", "randomSeed: 1,")))
                .containsExactly("tables[1].name: 'hashBB' would be seeded as 'hashAa' is, value for value (a table's"
                        + " random values come from its name and randomSeed, and these two names give the same); give"
                        + " one of them another randomSeed, or rename it");
        assertThat(problems(tables.formatted("", "")))
                .singleElement()
                .asString()
                .endsWith("give one of them a" + " randomSeed, or rename it");
        assertThat(problems(tables.formatted("randomSeed: 1,", "randomSeed: 2,")))
                .isEmpty();
    }
}
