package dev.dynaseed.files;

import dev.dynaseed.spec.ItemSourceSpec.CsvType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Infers the type of CSV columns the spec does not type, from every value in the file: N when each non-empty value is
 * a number written the way DynamoDB answers (no leading zeros, no trailing zeros after a decimal point, no exponent,
 * so the text reads back the same: {@code 007}, {@code +5}, {@code -0}, {@code 1.50} stay S), BOOL when each is {@code true} or {@code false}, else S.
 */
final class CsvInference {
    private final Map<String, CsvType> known;
    private List<String> columns = List.of();
    private boolean[] number;
    private boolean[] bool;
    private boolean[] seen;

    CsvInference(Map<String, CsvType> known) {
        this.known = Map.copyOf(known);
    }

    void columns(List<String> names) {
        columns = List.copyOf(names);
        number = new boolean[names.size()];
        bool = new boolean[names.size()];
        seen = new boolean[names.size()];
        java.util.Arrays.fill(number, true);
        java.util.Arrays.fill(bool, true);
    }

    void row(List<String> cells) {
        for (int i = 0; i < cells.size() && i < columns.size(); i++) {
            String cell = cells.get(i);
            if (cell.isEmpty()) {
                continue;
            }
            seen[i] = true;
            if (number[i] && !Numbers.canonical(cell)) {
                number[i] = false;
            }
            if (bool[i] && !cell.equals("true") && !cell.equals("false")) {
                bool[i] = false;
            }
        }
    }

    /** Each column's type: the known one, else the inferred one (S for a column with no values). */
    Map<String, CsvType> types() {
        Map<String, CsvType> types = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            CsvType type = known.get(column);
            if (type == null) {
                type = !seen[i] ? CsvType.S : number[i] ? CsvType.N : bool[i] ? CsvType.BOOL : CsvType.S;
            }
            types.put(column, type);
        }
        return types;
    }

    /** The columns whose type was inferred. */
    List<String> inferred() {
        List<String> inferred = new ArrayList<>();
        for (String column : columns) {
            if (!known.containsKey(column)) {
                inferred.add(column);
            }
        }
        return inferred;
    }
}
