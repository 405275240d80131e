package dev.dynaseed.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items of every DynamoDB type, made from a seed, for round trips; and a form that compares sets as sets. */
final class RandomItems {
    private RandomItems() {}

    /** The types a format can carry. */
    enum Types {
        ALL,
        PLAIN_JSON,
        CSV
    }

    static List<Map<String, AttributeValue>> items(long seed, int count, Types types) {
        Random random = new Random(seed);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("id", AttributeValue.fromS("item-" + i + "-" + text(random)));
            int attributes = random.nextInt(6);
            for (int a = 0; a < attributes; a++) {
                // A CSV column holds one type: a0 text, a1 numbers, a2 booleans, ...
                item.put("a" + a, types == Types.CSV ? csvValue(random, a % 3) : value(random, types, 0));
            }
            items.add(item);
        }
        return items;
    }

    private static AttributeValue csvValue(Random random, int kind) {
        return switch (kind) {
            case 0 -> AttributeValue.fromS("t" + text(random));
            case 1 -> AttributeValue.fromN(number(random));
            default -> AttributeValue.fromBool(random.nextBoolean());
        };
    }

    private static AttributeValue value(Random random, Types types, int depth) {
        int kinds = switch (types) {
            case ALL -> 10;
            case PLAIN_JSON -> 6;
            case CSV -> 3;
        };
        int kind = random.nextInt(depth > 3 ? Math.min(kinds, 4) : kinds);
        return switch (kind) {
            case 0 -> AttributeValue.fromS(types == Types.CSV ? "t" + text(random) : text(random));
            case 1 -> AttributeValue.fromN(number(random));
            case 2 -> AttributeValue.fromBool(random.nextBoolean());
            case 3 -> AttributeValue.fromNul(true);
            case 4 -> {
                List<AttributeValue> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(value(random, types, depth + 1));
                }
                yield AttributeValue.fromL(list);
            }
            case 5 -> {
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put("k" + i, value(random, types, depth + 1));
                }
                yield AttributeValue.fromM(map);
            }
            case 6 -> AttributeValue.fromB(bytes(random));
            case 7 -> {
                Set<String> set = new LinkedHashSet<>();
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    set.add(text(random) + i);
                }
                yield AttributeValue.fromSs(new ArrayList<>(set));
            }
            case 8 -> {
                Set<String> set = new LinkedHashSet<>();
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    set.add(Integer.toString(random.nextInt(1000) * 10 + i));
                }
                yield AttributeValue.fromNs(new ArrayList<>(set));
            }
            default -> AttributeValue.fromBs(List.of(bytes(random), SdkBytes.fromByteArray(new byte[] {-1, 0, 9})));
        };
    }

    private static String text(Random random) {
        String[] samples = {"", "plain", "with, comma", "quote \" inside", "line\nbreak", "ünïcödé ✓", "tab\there"};
        return samples[random.nextInt(samples.length)];
    }

    // Numbers in the form DynamoDB answers with, so that the text read back is the text written.
    private static String number(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(random.nextInt(2000) - 1000);
            case 1 -> "12345678901234567890123456789012345678";
            case 2 -> "-0.000000000000000000000000000001";
            default -> random.nextInt(100) + "." + (1 + random.nextInt(9));
        };
    }

    private static SdkBytes bytes(Random random) {
        byte[] bytes = new byte[1 + random.nextInt(8)];
        random.nextBytes(bytes);
        bytes[0] = 1;
        return SdkBytes.fromByteArray(bytes);
    }

    /** The items as plain values where sets are sorted, so two reads of one item compare equal. */
    static List<Object> normalized(List<Map<String, AttributeValue>> items) {
        return items.stream().map(RandomItems::normalized).collect(Collectors.toList());
    }

    private static Object normalized(Map<String, AttributeValue> item) {
        Map<String, Object> map = new TreeMap<>();
        item.forEach((name, value) -> map.put(name, normalized(value)));
        return map;
    }

    private static Object normalized(AttributeValue value) {
        return switch (value.type()) {
            case S -> "S:" + value.s();
            case N -> "N:" + value.n();
            case B ->
                "B:" + java.util.Base64.getEncoder().encodeToString(value.b().asByteArray());
            case BOOL -> "BOOL:" + value.bool();
            case NUL -> "NULL";
            case SS -> "SS:" + new java.util.TreeSet<>(value.ss());
            case NS -> "NS:" + new java.util.TreeSet<>(value.ns());
            case BS ->
                "BS:"
                        + value.bs().stream()
                                .map(b -> java.util.Base64.getEncoder().encodeToString(b.asByteArray()))
                                .collect(Collectors.toCollection(java.util.TreeSet::new));
            case L -> value.l().stream().map(RandomItems::normalized).toList();
            case M -> normalized(value.m());
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException(value.toString());
        };
    }
}
