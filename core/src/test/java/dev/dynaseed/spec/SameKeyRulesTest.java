package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.SpecReader.SpecFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated items that could only share one key are refused before any request, not counted written and lost. */
class SameKeyRulesTest {
    private static List<String> problems(String yaml) {
        try {
            SpecReader.read(yaml, SpecFormat.YAML, "keys");
            return List.of();
        } catch (InvalidSpecException e) {
            return e.problems().stream()
                    .map(problem -> new Problem(problem.path(), problem.message()).toString())
                    .toList();
        }
    }

    private static String shop(String user, String collection) {
        return """
                tables:
                  - name: shop
                    partitionKey: {name: PK, type: S}
                    sortKey: {name: SK, type: S}
                    seed:
                      randomSeed: 7
                      entities:
                        user:
                          count: 3
                          attributes:
                            user_id: {generator: sequence, start: 1}
                %s
                          collections:
                            order:
                              perParent: {generator: intRange, min: 0, max: 4}
                              attributes:
                                order_id: {generator: sequence, start: 1}
                %s
                """.formatted(user, collection);
    }

    @Test
    void aPlainSeedOfSeveralItems_withConstantKeys_isRefused_namingTheKeyAndTheFix() {
        assertThat(problems("""
                        tables:
                          - name: one
                            partitionKey: {name: id, type: S}
                            sortKey: {name: at, type: N}
                            seed:
                              count: 5
                              attributes:
                                id: {generator: constant, value: x}
                                at: {generator: constant, value: 1}
                                name: '#{Name.fullName}'
                        """))
                .containsExactly("tables[0].seed.attributes: every one of the 5 items gets the same key (id constant"
                        + " 'x', at constant 1), and DynamoDB keeps one item per key, so 4 would be overwritten; make a"
                        + " key attribute differ per item, e.g. at: {generator: sequence}");
    }

    @Test
    void oneItem_withConstantKeys_andAKeyThatVaries_areFine() {
        assertThat(problems("tables:\n  - name: one\n    partitionKey: {name: id, type: S}\n    seed:\n      count: 1\n"
                        + "      attributes: {id: {generator: constant, value: x}}\n"))
                .isEmpty();
        assertThat(problems("tables:\n  - name: one\n    partitionKey: {name: id, type: S}\n    seed:\n      count: 9\n"
                        + "      attributes: {n: {generator: sequence}, id: 'ID#{n}'}\n"))
                .isEmpty();
    }

    @Test
    void aTemplateOverConstants_countsAsTheSameKeyForEveryItem() {
        assertThat(problems("tables:\n  - name: one\n    partitionKey: {name: id, type: S}\n    seed:\n      count: 2\n"
                        + "      attributes: {kind: {generator: constant, value: user}, id: 'USER#{kind:upper}'}\n"))
                .containsExactly("tables[0].seed.attributes: every one of the 2 items gets the same key (id"
                        + " 'USER#{kind:upper}'), and DynamoDB keeps one item per key, so 1 would be overwritten;"
                        + " make a key attribute differ per item, e.g. id: 'ITEM#{item_id}' with item_id:"
                        + " {generator: sequence}");
    }

    @Test
    void childrenThatCopyTheirParentsKey_areRefused() {
        assertThat(
                        problems(
                                shop(
                                        "            PK: 'USER#{user_id}'\n            SK: {generator: constant, value: PROFILE}",
                                        "                PK: '{parent.PK}'\n                SK: {generator: constant, value: PROFILE}")))
                .containsExactly("tables[0].seed.entities.user.collections.order.attributes: each order item gets"
                        + " its parent user's key (PK '{parent.PK}', SK constant 'PROFILE') and would overwrite it;"
                        + " give the child a key of its own, e.g. SK: 'ITEM#{item_id}' with item_id: {generator:"
                        + " sequence}");
    }

    @Test
    void severalChildrenOfOneParent_underOneKey_areRefused_butOneChildEachIsFine() {
        String user = "            PK: 'USER#{user_id}'\n            SK: {generator: constant, value: PROFILE}";
        String order = "                PK: '{parent.PK}'\n                SK: {generator: constant, value: CART}";
        assertThat(problems(shop(user, order)))
                .containsExactly("tables[0].seed.entities.user.collections.order.attributes: all order items of one"
                        + " user get the same key (PK '{parent.PK}', SK constant 'CART'), and DynamoDB keeps one item"
                        + " per key, so all but one per user would be overwritten; make a key attribute differ per"
                        + " item, e.g. SK: 'ITEM#{item_id}' with item_id: {generator: sequence}");
        assertThat(problems(shop(user, order).replace("max: 4", "max: 1"))).isEmpty();
        assertThat(problems(shop(user, "                PK: '{parent.PK}'\n                SK: 'ORDER#{order_id}'")))
                .isEmpty();
    }

    @Test
    void entityItemsUnderOneKey_areRefused() {
        assertThat(problems(shop(
                        "            PK: {generator: constant, value: USERS}\n"
                                + "            SK: {generator: constant, value: PROFILE}",
                        "                PK: '{parent.PK}'\n                SK: 'ORDER#{order_id}'")))
                .containsExactly("tables[0].seed.entities.user.attributes: every one of the 3 user items gets the"
                        + " same key (PK constant 'USERS', SK constant 'PROFILE'), and DynamoDB keeps one item per"
                        + " key, so 2 would be overwritten; make a key attribute differ per item, e.g. SK:"
                        + " 'ITEM#{item_id}' with item_id: {generator: sequence}");
    }
}
