package dev.dynaseed.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynaseed.spec.SpecReader.SpecFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The table fields beyond keys, billing and tags (indexes, TTL, stream, backups, encryption, ...): read into the exact
 * {@link TableFeatures}, and each of DynamoDB's rules refused before any call with one message naming the path, the
 * value, the limit and the fix.
 */
class TableFeaturesSpecTest {
    private static final Path VALID = Path.of("src/test/resources/specs/valid");
    private static final String TABLE = "tables:\n  - name: orders\n    partitionKey: {name: customer_id, type: S}\n"
            + "    sortKey: {name: order_id, type: S}\n";

    /** The problems of table {@code orders} (keys customer_id S, order_id S) with {@code lines} added. */
    private static List<String> problems(String... lines) {
        String yaml =
                TABLE + Arrays.stream(lines).map(line -> "    " + line + "\n").collect(Collectors.joining());
        return problemsOf(yaml);
    }

    private static List<String> problemsOf(String yaml) {
        try {
            SpecReader.read(yaml, SpecFormat.YAML, "features");
            return List.of();
        } catch (InvalidSpecException e) {
            return e.problems().stream()
                    .map(problem -> new Problem(problem.path(), problem.message()).toString())
                    .toList();
        }
    }

    private static String gsi(String name, String partitionKey, String more) {
        return "{name: " + name + ", partitionKey: " + partitionKey + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    private static String statusIndex(String more) {
        return "globalSecondaryIndexes: [" + gsi("by_status", "{name: status, type: S}", more) + "]";
    }

    // Reading every field.

    private static final TableFeatures EVERY_FEATURE = new TableFeatures(
            List.of(
                    new GlobalIndexSpec(
                            "by_status",
                            List.of(new KeySpec("status", KeyType.S)),
                            List.of(new KeySpec("created_at", KeyType.N)),
                            new ProjectionSpec(ProjectionSpec.Type.INCLUDE, List.of("total")),
                            Optional.empty(),
                            Optional.of(new OnDemandLimits(Optional.of(2000L), Optional.of(500L))),
                            Optional.of(new WarmThroughputSpec(Optional.of(15000L), Optional.of(5000L))),
                            false),
                    new GlobalIndexSpec(
                            "by_tenant_region",
                            List.of(new KeySpec("tenant", KeyType.S), new KeySpec("region", KeyType.S)),
                            List.of(),
                            new ProjectionSpec(ProjectionSpec.Type.KEYS_ONLY, List.of()),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            true)),
            List.of(new LocalIndexSpec(
                    "by_total",
                    new KeySpec("customer_id", KeyType.S),
                    new KeySpec("total", KeyType.N),
                    ProjectionSpec.all(),
                    false)),
            Optional.of("expires_at"),
            Optional.of(StreamView.NEW_AND_OLD_IMAGES),
            Optional.of(new PointInTimeRecoverySpec(true, Optional.of(35))),
            Optional.of(new EncryptionSpec(EncryptionSpec.Type.CUSTOMER_MANAGED, Optional.of("alias/orders"))),
            Optional.of(TableClassSpec.STANDARD_INFREQUENT_ACCESS),
            Optional.of(true),
            Optional.of(new WarmThroughputSpec(Optional.of(20000L), Optional.of(8000L))),
            Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                    + "\"arn:aws:iam::111122223333:root\"},\"Action\":\"dynamodb:GetItem\",\"Resource\":\"*\"}]}"),
            Optional.of(true));

    @Test
    void specUsingEveryTableField_readsIntoTheExactFeatures_fromYamlAndFromJson() {
        for (String file : List.of("every-table-field.yaml", "every-table-field.json")) {
            TableSpec table = SpecReader.read(VALID.resolve(file)).tables().get(0);

            assertThat(table.features()).as(file).isEqualTo(EVERY_FEATURE);
            assertThat(table.billing())
                    .as(file)
                    .isEqualTo(new BillingSpec.PayPerRequest(
                            Optional.of(new OnDemandLimits(Optional.of(5000L), Optional.of(1000L)))));
        }
    }

    @Test
    void readmesExampleOfEveryTableField_isTheSpecTestedHere() throws IOException {
        assertThat(Checkout.read("README.md")).contains(Files.readString(VALID.resolve("every-table-field.yaml")));
    }

    @Test
    void tableWithoutTheNewFields_hasNoFeatures() {
        TableSpec table =
                SpecReader.read(TABLE, SpecFormat.YAML, "plain").tables().get(0);

        assertThat(table.features()).isEqualTo(TableFeatures.none());
        assertThat(table.billing()).isEqualTo(new BillingSpec.PayPerRequest());
    }

    @Test
    void minusOneRequestUnits_meansNoMaximum_asWhenLeftOut() {
        TableSpec table = SpecReader.read(
                        TABLE
                                + "    billing: {mode: PAY_PER_REQUEST, maxReadRequestUnits: -1, maxWriteRequestUnits: -1}\n",
                        SpecFormat.YAML,
                        "unlimited")
                .tables()
                .get(0);

        assertThat(table.billing()).isEqualTo(new BillingSpec.PayPerRequest());
    }

    @Test
    void localIndexPartitionKey_mayBeWrittenWhenItIsTheTables() {
        assertThat(problems("localSecondaryIndexes: [{name: by_total, partitionKey: {name: customer_id, type: S},"
                        + " sortKey: {name: total, type: N}}]"))
                .isEmpty();
    }

    @Test
    void unknownIndexField_getsDidYouMean() {
        assertThat(problems("globalSecondaryIndexes: [{name: by_status, partitionkey: {name: status, type: S}}]"))
                .containsExactly(
                        "tables[0].globalSecondaryIndexes[0].partitionkey: unknown field; did you mean 'partitionKey'?"
                                + " fields allowed here: name, partitionKey, sortKey, projection, readCapacity,"
                                + " writeCapacity, maxReadRequestUnits, maxWriteRequestUnits, warmThroughput, sparse",
                        "tables[0].globalSecondaryIndexes[0].partitionKey: missing; add e.g. partitionKey: {name:"
                                + " status, type: S}");
    }

    @Test
    void newFieldProblems_arePlacedAtTheirLineAndColumn() {
        String yaml = TABLE + "    globalSecondaryIndexes:\n      - name: by_status\n"
                + "        partitionKey: {name: status, type: N}\n"
                + "        sortKey: {name: order_id, type: N}\n";
        try {
            SpecReader.read(yaml, SpecFormat.YAML, "placed.yaml");
            throw new AssertionError("expected a problem");
        } catch (InvalidSpecException e) {
            assertThat(e.problems()).hasSize(1);
            assertThat(e.problems().get(0).toString())
                    .startsWith("placed.yaml:8:35: tables[0].globalSecondaryIndexes[0].sortKey.type: 'order_id' is N"
                            + " here but S in the table's sortKey");
        }
    }

    // Index counts and names.

    @Test
    void moreThan20GlobalIndexes_isRefused() {
        String indexes = IntStream.range(0, 21)
                .mapToObj(i -> gsi("index" + i, "{name: a" + i + ", type: S}", ""))
                .collect(Collectors.joining(", "));
        assertThat(problems("globalSecondaryIndexes: [" + indexes + "]"))
                .containsExactly("tables[0].globalSecondaryIndexes: lists 21 global secondary indexes; DynamoDB allows"
                        + " at most 20 per table (its default quota): remove some, or serve several access patterns"
                        + " from one overloaded index");
    }

    @Test
    void moreThan5LocalIndexes_isRefused() {
        String indexes = IntStream.range(0, 6)
                .mapToObj(i -> "{name: local" + i + ", sortKey: {name: s" + i + ", type: S}}")
                .collect(Collectors.joining(", "));
        assertThat(problems("localSecondaryIndexes: [" + indexes + "]"))
                .containsExactly("tables[0].localSecondaryIndexes: lists 6 local secondary indexes; DynamoDB allows at"
                        + " most 5 per table: remove some, or make them global secondary indexes");
    }

    @Test
    void localIndexes_needATableSortKey() {
        assertThat(problemsOf("tables:\n  - name: orders\n    partitionKey: {name: customer_id, type: S}\n"
                        + "    localSecondaryIndexes: [{name: by_total, sortKey: {name: total, type: N}}]\n"))
                .containsExactly("tables[0].localSecondaryIndexes: need the table to have a sort key (DynamoDB: a local"
                        + " secondary index sorts the items of a partition another way); add a sortKey to the table,"
                        + " or make these global secondary indexes");
    }

    @Test
    void invalidIndexName_isRefused() {
        assertThat(problems("globalSecondaryIndexes: [" + gsi("'by status'", "{name: status, type: S}", "") + "]"))
                .containsExactly("tables[0].globalSecondaryIndexes[0].name: 'by status' is not a valid DynamoDB index"
                        + " name; use 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.', e.g. by_status");
    }

    @Test
    void indexNameUsedByAGlobalAndALocalIndex_isRefused() {
        assertThat(problems(
                        statusIndex(""), "localSecondaryIndexes: [{name: by_status, sortKey: {name: total, type: N}}]"))
                .containsExactly("tables[0].localSecondaryIndexes[0].name: 'by_status' is already the name of"
                        + " globalSecondaryIndexes[0]; index names are unique across a table's global and local"
                        + " secondary indexes: rename one of them");
    }

    // Index keys.

    @Test
    void keyAttributeWithTwoTypesAcrossIndexes_isRefused() {
        assertThat(problems("globalSecondaryIndexes: [" + gsi("by_status", "{name: status, type: S}", "") + ", "
                        + gsi("by_status_number", "{name: status, type: N}", "") + "]"))
                .containsExactly("tables[0].globalSecondaryIndexes[1].partitionKey.type: 'status' is N here but S in"
                        + " globalSecondaryIndexes[0].partitionKey; an attribute has one type across the table's and"
                        + " its indexes' keys (DynamoDB's AttributeDefinitions): use S");
    }

    @Test
    void indexKeyOfAnotherTypeThanTheTablesKey_isRefused() {
        assertThat(problems("globalSecondaryIndexes: [" + gsi("by_order", "{name: order_id, type: N}", "") + "]"))
                .containsExactly("tables[0].globalSecondaryIndexes[0].partitionKey.type: 'order_id' is N here but S in"
                        + " the table's sortKey; an attribute has one type across the table's and its indexes' keys"
                        + " (DynamoDB's AttributeDefinitions): use S");
    }

    @Test
    void multiAttributeKeys_takeUpTo4Attributes() {
        String four = "[{name: a, type: S}, {name: b, type: S}, {name: c, type: N}, {name: d, type: B}]";
        assertThat(problems("globalSecondaryIndexes: ["
                        + gsi("by_four", four, "sortKey: " + four.replace("name: ", "name: s")) + "]"))
                .isEmpty();
        String five = "[{name: a, type: S}, {name: b, type: S}, {name: c, type: S}, {name: d, type: S}, {name: e, type:"
                + " S}]";
        assertThat(problems(
                        "globalSecondaryIndexes: [" + gsi("by_five", "{name: a, type: S}", "sortKey: " + five) + "]"))
                .containsExactly("tables[0].globalSecondaryIndexes[0].sortKey: lists 5 attributes; a global secondary"
                        + " index's sort key has 1 to 4 (DynamoDB's multi-attribute keys), e.g. [{name: tenant, type:"
                        + " S}, {name: region, type: S}]");
        assertThat(problems("globalSecondaryIndexes: [" + gsi("by_none", "[]", "") + "]"))
                .containsExactly("tables[0].globalSecondaryIndexes[0].partitionKey: lists 0 attributes; a global"
                        + " secondary index's partition key has 1 to 4 (DynamoDB's multi-attribute keys), e.g."
                        + " [{name: tenant, type: S}, {name: region, type: S}]");
    }

    @Test
    void attributeTwiceInOneIndexsKeys_isRefused() {
        assertThat(problems("globalSecondaryIndexes: ["
                        + gsi("by_twice", "[{name: a, type: S}, {name: b, type: S}]", "sortKey: {name: a, type: S}")
                        + "]"))
                .containsExactly("tables[0].globalSecondaryIndexes[0].sortKey.name: 'a' is already a key attribute of"
                        + " index by_twice; an attribute appears once among an index's partition and sort key"
                        + " attributes: use another attribute");
    }

    @Test
    void sameKeysAsAnotherIndex_areAllowed() {
        assertThat(problems("globalSecondaryIndexes: [" + gsi("by_status", "{name: status, type: S}", "") + ", "
                        + gsi("by_status_keys", "{name: status, type: S}", "projection: KEYS_ONLY") + "]"))
                .isEmpty();
    }

    @Test
    void localIndexOnTheTablesSortKey_isAllowed_asDynamoDbAllowsIt() {
        assertThat(problems("localSecondaryIndexes: [{name: by_order, sortKey: {name: order_id, type: S}}]"))
                .isEmpty();
    }

    @Test
    void localIndexSortedByThePartitionKey_isRefused() {
        assertThat(problems("localSecondaryIndexes: [{name: by_customer, sortKey: {name: customer_id, type: S}}]"))
                .containsExactly("tables[0].localSecondaryIndexes[0].sortKey.name: 'customer_id' is already a key"
                        + " attribute of index by_customer; an attribute appears once among an index's partition and"
                        + " sort key attributes: use another attribute");
    }

    @Test
    void localIndexWithAnotherPartitionKey_isRefused() {
        assertThat(problems("localSecondaryIndexes: [{name: by_total, partitionKey: {name: tenant, type: S}, sortKey:"
                        + " {name: total, type: N}}]"))
                .containsExactly("tables[0].localSecondaryIndexes[0].partitionKey: 'tenant' (S) is not the table's"
                        + " partition key 'customer_id' (S); a local secondary index shares the table's partition key:"
                        + " remove partitionKey here, or make it a global secondary index");
    }

    // Projections.

    @Test
    void includeListOfKeysAndDuplicates_isRefused() {
        assertThat(problems(
                        statusIndex("projection: {type: INCLUDE, attributes: [total, status, customer_id, total]}")))
                .containsExactly(
                        "tables[0].globalSecondaryIndexes[0].projection.attributes[1]: 'status' is a key of this index,"
                                + " which every index holds anyway; INCLUDE lists non-key attributes only: remove it",
                        "tables[0].globalSecondaryIndexes[0].projection.attributes[2]: 'customer_id' is the table's"
                                + " partition key, which every index holds anyway; INCLUDE lists non-key attributes"
                                + " only: remove it",
                        "tables[0].globalSecondaryIndexes[0].projection.attributes[3]: 'total' is listed twice; list"
                                + " each attribute once");
    }

    @Test
    void moreThan100IncludedAttributesAcrossIndexes_isRefused() {
        String indexes = IntStream.range(0, 3)
                .mapToObj(i -> gsi(
                        "index" + i,
                        "{name: a" + i + ", type: S}",
                        "projection: {type: INCLUDE, attributes: ["
                                + IntStream.range(0, 34).mapToObj(j -> "p" + j).collect(Collectors.joining(", "))
                                + "]}"))
                .collect(Collectors.joining(", "));
        assertThat(problems("globalSecondaryIndexes: [" + indexes + "]"))
                .containsExactly("tables[0].globalSecondaryIndexes[2].projection.attributes: brings the attributes"
                        + " projected with INCLUDE to 102; DynamoDB allows at most 100 per table, summed over all its"
                        + " indexes (an attribute in two indexes counts twice): use projection ALL for an index that"
                        + " needs many");
    }

    @Test
    void includeWithoutAttributes_andAttributesWithoutInclude_areRefused() {
        assertThat(problems(statusIndex("projection: {type: INCLUDE}")))
                .containsExactly("tables[0].globalSecondaryIndexes[0].projection.attributes: missing; INCLUDE projects"
                        + " the attributes listed here (at least one), e.g. attributes: [total, status]");
        assertThat(problems(statusIndex("projection: {type: INCLUDE, attributes: []}")))
                .containsExactly("tables[0].globalSecondaryIndexes[0].projection.attributes: is empty; INCLUDE projects"
                        + " the attributes listed here (at least one), e.g. attributes: [total, status], or use"
                        + " projection KEYS_ONLY");
        assertThat(problems(statusIndex("projection: INCLUDE")))
                .containsExactly("tables[0].globalSecondaryIndexes[0].projection: INCLUDE needs the attributes it"
                        + " projects; write projection: {type: INCLUDE, attributes: [total, status]}");
        assertThat(problems(statusIndex("projection: {type: ALL, attributes: [total]}")))
                .containsExactly("tables[0].globalSecondaryIndexes[0].projection.attributes: only allowed with type"
                        + " INCLUDE; projection ALL takes no attributes: remove them, or use type: INCLUDE");
        assertThat(problems(statusIndex("projection: KEYS")))
                .containsExactly("tables[0].globalSecondaryIndexes[0].projection: 'KEYS' is not a projection type; use"
                        + " ALL, KEYS_ONLY, INCLUDE");
    }

    // Throughput.

    private static final String PROVISIONED = "billing: {mode: PROVISIONED, readCapacity: 5, writeCapacity: 5}";

    @Test
    void globalIndexOfAProvisionedTable_needsCapacity_inRange() {
        assertThat(problems(PROVISIONED, statusIndex("")))
                .containsExactly(
                        "tables[0].globalSecondaryIndexes[0].readCapacity: missing; the table's billing mode is"
                                + " PROVISIONED, so each global secondary index needs its own capacity units, e.g."
                                + " readCapacity: 5, writeCapacity: 5");
        assertThat(problems(PROVISIONED, statusIndex("readCapacity: 0, writeCapacity: 40001")))
                .containsExactly(
                        "tables[0].globalSecondaryIndexes[0].readCapacity: 0 is out of range; use 1 to 40000 read"
                                + " capacity units (DynamoDB's default quota per table), e.g. readCapacity: 5, or"
                                + " mode: PAY_PER_REQUEST",
                        "tables[0].globalSecondaryIndexes[0].writeCapacity: 40001 is out of range; use 1 to 40000"
                                + " write capacity units (DynamoDB's default quota per table), e.g. writeCapacity: 5,"
                                + " or mode: PAY_PER_REQUEST");
        assertThat(problems(PROVISIONED, statusIndex("readCapacity: 5")))
                .containsExactly("tables[0].globalSecondaryIndexes[0].writeCapacity: missing; add e.g. writeCapacity: 5"
                        + " (an index's provisioned capacity needs read and write units)");
        assertThat(problems(PROVISIONED, statusIndex("readCapacity: 5, writeCapacity: 5")))
                .isEmpty();
    }

    @Test
    void onDemandMaximums_onlyWithPayPerRequest() {
        assertThat(problems(PROVISIONED, statusIndex("readCapacity: 5, writeCapacity: 5, maxReadRequestUnits: 10")))
                .containsExactly("tables[0].globalSecondaryIndexes[0].maxReadRequestUnits: only allowed when the"
                        + " table's billing mode is PAY_PER_REQUEST (on-demand maximums); remove it, or use"
                        + " readCapacity and writeCapacity on a PROVISIONED table");
        assertThat(problems(
                        "billing: {mode: PROVISIONED, readCapacity: 5, writeCapacity: 5, maxWriteRequestUnits: 10}"))
                .containsExactly("tables[0].billing.maxWriteRequestUnits: only allowed with mode PAY_PER_REQUEST"
                        + " (on-demand maximums); remove it, or use readCapacity and writeCapacity to bound a"
                        + " PROVISIONED table");
    }

    @Test
    void capacityOnAnIndexOfAnOnDemandTable_isRefused() {
        assertThat(problems(statusIndex("readCapacity: 5, writeCapacity: 5")))
                .containsExactly("tables[0].globalSecondaryIndexes[0].readCapacity: not allowed when the table's"
                        + " billing mode is PAY_PER_REQUEST; remove readCapacity and writeCapacity (use"
                        + " maxReadRequestUnits/maxWriteRequestUnits to cap an on-demand index), or make the table"
                        + " PROVISIONED");
    }

    @Test
    void onDemandMaximumOfZero_isRefused() {
        assertThat(problems("billing: {mode: PAY_PER_REQUEST, maxReadRequestUnits: 0}"))
                .containsExactly("tables[0].billing.maxReadRequestUnits: 0 is out of range; DynamoDB's on-demand"
                        + " maximum is at least 1 request unit per second (-1, or leaving it out, means no maximum),"
                        + " e.g. maxReadRequestUnits: 1000");
        assertThat(problems(statusIndex("maxWriteRequestUnits: -2")))
                .containsExactly("tables[0].globalSecondaryIndexes[0].maxWriteRequestUnits: -2 is out of range;"
                        + " DynamoDB's on-demand maximum is at least 1 request unit per second (-1, or leaving it out,"
                        + " means no maximum), e.g. maxWriteRequestUnits: 1000");
    }

    @Test
    void warmThroughputOfAnOnDemandTable_isAtLeastItsStartingValues() {
        assertThat(problems("warmThroughput: {readUnitsPerSecond: 100, writeUnitsPerSecond: 100}"))
                .containsExactly(
                        "tables[0].warmThroughput.readUnitsPerSecond: 100 is below 12,000, the read warm throughput"
                                + " every on-demand table starts with; use 12000 or more, or leave it out",
                        "tables[0].warmThroughput.writeUnitsPerSecond: 100 is below 4,000, the write warm throughput"
                                + " every on-demand table starts with; use 4000 or more, or leave it out");
        assertThat(problems(statusIndex("warmThroughput: {writeUnitsPerSecond: 10}")))
                .containsExactly("tables[0].globalSecondaryIndexes[0].warmThroughput.writeUnitsPerSecond: 10 is below"
                        + " 4,000, the write warm throughput every on-demand index starts with; use 4000 or more, or"
                        + " leave it out");
        assertThat(problems(PROVISIONED, "warmThroughput: {readUnitsPerSecond: 100, writeUnitsPerSecond: 100}"))
                .isEmpty();
    }

    @Test
    void warmThroughput_namesPositiveUnits() {
        assertThat(problems("warmThroughput: {readUnitsPerSecond: 0}"))
                .containsExactly("tables[0].warmThroughput.readUnitsPerSecond: 0 is out of range; warm throughput is at"
                        + " least 1 unit per second, e.g. readUnitsPerSecond: 12000");
        assertThat(problems("warmThroughput: {}"))
                .containsExactly("tables[0].warmThroughput: names no units; give readUnitsPerSecond,"
                        + " writeUnitsPerSecond or both, e.g. {readUnitsPerSecond: 12000, writeUnitsPerSecond: 4000}");
    }

    // TTL, encryption, backups, stream, class, policy.

    @Test
    void timeToLiveOnAKeyAttribute_isRefused() {
        assertThat(problems("timeToLive: {attribute: order_id}"))
                .containsExactly("tables[0].timeToLive.attribute: 'order_id' is the table's sort key; TTL reads expiry"
                        + " times (epoch seconds) from an attribute that is no key: use another, e.g. attribute:"
                        + " expires_at");
        assertThat(problems(statusIndex("sparse: true"), "timeToLive: {attribute: status}"))
                .containsExactly("tables[0].timeToLive.attribute: 'status' is a partition key of index by_status; TTL"
                        + " reads expiry times (epoch seconds) from an attribute that is no key: use another, e.g."
                        + " attribute: expires_at");
        assertThat(problems("timeToLive: {attribute: ''}"))
                .containsExactly("tables[0].timeToLive.attribute: '' is not a valid TTL attribute name; use 1 to 255"
                        + " characters, e.g. expires_at");
    }

    @Test
    void kmsKeyId_onlyAndAlwaysWithCustomerManaged() {
        assertThat(problems("encryption: {type: CUSTOMER_MANAGED}"))
                .containsExactly("tables[0].encryption.kmsKeyId: missing; add e.g. kmsKeyId: alias/orders"
                        + " (CUSTOMER_MANAGED encrypts with the KMS key named here: its id, ARN or alias)");
        assertThat(problems("encryption: {type: AWS_MANAGED, kmsKeyId: alias/orders}"))
                .containsExactly("tables[0].encryption.kmsKeyId: only allowed with type CUSTOMER_MANAGED; AWS_MANAGED"
                        + " uses a key AWS chooses: remove kmsKeyId, or use type: CUSTOMER_MANAGED");
        assertThat(problems("encryption: {type: KMS}"))
                .containsExactly("tables[0].encryption.type: 'KMS' is not an encryption type; use AWS_OWNED,"
                        + " AWS_MANAGED, CUSTOMER_MANAGED");
    }

    @Test
    void recoveryPeriod_is1To35Days_andOnlyWithRecoveryOn() {
        assertThat(problems("pointInTimeRecovery: {enabled: true, recoveryPeriodDays: 36}"))
                .containsExactly("tables[0].pointInTimeRecovery.recoveryPeriodDays: 36 is out of range; DynamoDB keeps"
                        + " continuous backups for 1 to 35 days, e.g. recoveryPeriodDays: 35");
        assertThat(problems("pointInTimeRecovery: {enabled: false, recoveryPeriodDays: 7}"))
                .containsExactly("tables[0].pointInTimeRecovery.recoveryPeriodDays: only allowed with enabled: true (a"
                        + " recovery period needs point-in-time recovery on); remove it, or set enabled: true");
        assertThat(problems("pointInTimeRecovery: {recoveryPeriodDays: 7}"))
                .containsExactly("tables[0].pointInTimeRecovery.enabled: missing; add e.g. enabled: true");
    }

    @Test
    void streamViewType_tableClass_andFlags_takeOnlyTheirValues() {
        assertThat(problems("stream: {viewType: NEW}"))
                .containsExactly("tables[0].stream.viewType: 'NEW' is not a stream view type; use KEYS_ONLY,"
                        + " NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES");
        assertThat(problems("tableClass: STANDARD_IA"))
                .containsExactly("tables[0].tableClass: 'STANDARD_IA' is not a table class; did you mean 'STANDARD'?"
                        + " use STANDARD, STANDARD_INFREQUENT_ACCESS");
        assertThat(problems("deletionProtection: 'yes'"))
                .containsExactly("tables[0].deletionProtection: 'yes' is not true or false; write e.g."
                        + " deletionProtection: true");
    }

    @Test
    void resourcePolicy_isAJsonObjectOfAtMost20Kilobytes() {
        assertThat(problems("resourcePolicy: {Statement: [{Sid: '" + "x".repeat(21_000) + "'}]}"))
                .containsExactly("tables[0].resourcePolicy: is 21,026 bytes as compact JSON; DynamoDB takes resource"
                        + " policies of at most 20 KB (20,480 bytes): shorten it, e.g. by merging statements");
        assertThat(problems("resourcePolicy: '[1]'"))
                .containsExactly("tables[0].resourcePolicy: '[1]' is not a policy document; an IAM policy is a JSON"
                        + " object, e.g. resourcePolicy: {Version: '2012-10-17', Statement: [...]}");
        assertThat(problems("resourcePolicy: '{nope'"))
                .containsExactly("tables[0].resourcePolicy: is not JSON (Unexpected character ('n' (code 110)): was"
                        + " expecting double-quote to start field name); write the policy document as an object, e.g."
                        + " resourcePolicy: {Version: '2012-10-17', Statement: [...]}");
        String noStatement = "tables[0].resourcePolicy: has no Statement; an IAM policy needs at least one statement"
                + " (Effect, Principal, Action, Resource), e.g. resourcePolicy: {Version: '2012-10-17', Statement:"
                + " [...]}";
        assertThat(problems("resourcePolicy: '{\"Version\": \"2012-10-17\"}'")).containsExactly(noStatement);
        assertThat(problems("resourcePolicy: {}")).containsExactly(noStatement);
        assertThat(problems("resourcePolicy: {Statement: []}")).containsExactly(noStatement);
        assertThat(problems("resourcePolicy: {Version: '2012-10-17', Statement: [{Effect: Allow}]}"))
                .isEmpty();
    }

    // Seeding an indexed table.

    private static final String SEEDED = "seed: {count: 3, attributes: {customer_id: uuid4, order_id: uuid4%s}}";

    @Test
    void indexKeyWithoutGenerator_inASeededTable_isRefusedNamingTheIndex() {
        assertThat(problems(statusIndex(""), SEEDED.formatted("")))
                .containsExactly("tables[0].seed.attributes.status: missing; 'status', the partition key of index"
                        + " by_status, needs a generator of type S: add one under seed.attributes, e.g. status: uuid4,"
                        + " or mark index by_status sparse: true if items may lack it");
        assertThat(problems(
                        "localSecondaryIndexes: [{name: by_total, sortKey: {name: total, type: N}}]",
                        SEEDED.formatted("")))
                .containsExactly("tables[0].seed.attributes.total: missing; 'total', the sort key of index by_total,"
                        + " needs a generator of type N: add one under seed.attributes, e.g. total: epochSeconds, or"
                        + " mark index by_total sparse: true if items may lack it");
    }

    @Test
    void sparseIndex_needsNoGenerator_butAGeneratorOfTheWrongTypeIsStillRefused() {
        assertThat(problems(statusIndex("sparse: true"), SEEDED.formatted(""))).isEmpty();
        assertThat(problems(
                        statusIndex("sparse: true"),
                        SEEDED.formatted(", status: {generator: intRange, min: 1, max: 3}")))
                .containsExactly("tables[0].seed.attributes.status: generator 'intRange' yields N but 'status', the"
                        + " partition key of index by_status, is S; use a generator that yields S, e.g. status: uuid4");
    }

    @Test
    void indexKeys_ofATableNotSeeded_needNoGenerator() {
        assertThat(problems(statusIndex(""), "seed: {count: 0}")).isEmpty();
        assertThat(problems(statusIndex(""))).isEmpty();
    }

    @Test
    void attributeOfASparseAndANonSparseIndex_needsItsGenerator() {
        assertThat(problems(
                        "globalSecondaryIndexes: [" + gsi("by_status", "{name: status, type: S}", "sparse: true") + ", "
                                + gsi("by_status_all", "{name: status, type: S}", "") + "]",
                        SEEDED.formatted("")))
                .containsExactly("tables[0].seed.attributes.status: missing; 'status', the partition key of index"
                        + " by_status_all, needs a generator of type S: add one under seed.attributes, e.g. status:"
                        + " uuid4, or mark index by_status_all sparse: true if items may lack it");
    }
}
