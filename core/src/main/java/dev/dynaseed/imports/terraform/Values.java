package dev.dynaseed.imports.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Terraform's automatic conversions between evaluated values (a number or bool where a string is expected...). */
final class Values {
    private Values() {}

    static String typeName(Object value) {
        if (value instanceof String) {
            return "string";
        } else if (value instanceof BigDecimal) {
            return "number";
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof java.util.Set) {
            return "set";
        } else if (value instanceof java.util.Collection) {
            return "list";
        }
        return "map";
    }

    static String string(Object value, int line, String what) throws EvalException {
        if (value instanceof String text) {
            return text;
        } else if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        } else if (value instanceof Boolean bool) {
            return bool.toString();
        }
        throw new EvalException(line, what + " must be a string, not a " + typeName(value));
    }

    static BigDecimal number(Object value, int line, String what) throws EvalException {
        if (value instanceof BigDecimal number) {
            return number;
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                throw new EvalException(line, what + " must be a number, not \"" + text + "\"");
            }
        }
        throw new EvalException(line, what + " must be a number, not a " + typeName(value));
    }

    /** A whole number that fits a long. */
    static long whole(Object value, int line, String what) throws EvalException {
        BigDecimal number = number(value, line, what);
        try {
            return number.longValueExact();
        } catch (ArithmeticException e) {
            throw new EvalException(line, what + " must be a whole number, not " + number.toPlainString());
        }
    }

    static boolean bool(Object value, int line, String what) throws EvalException {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if ("true".equals(value)) {
            return true;
        }
        if ("false".equals(value)) {
            return false;
        }
        throw new EvalException(line, what + " must be true or false, not " + describe(value));
    }

    static List<Object> list(Object value, int line, String what) throws EvalException {
        if (value instanceof java.util.Collection<?> list) {
            return new ArrayList<>(list);
        }
        throw new EvalException(line, what + " must be a list, not a " + typeName(value));
    }

    static Map<String, Object> map(Object value, int line, String what) throws EvalException {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), item));
            return copy;
        }
        throw new EvalException(line, what + " must be a map, not a " + typeName(value));
    }

    static String describe(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : "a " + typeName(value);
    }
}
