package dev.dynaseed.generate;

import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Picks one of fixed values, uniformly or by weight. */
final class OneOfGenerator implements Generator {
    private final List<AttributeValue> values;
    private final double[] cumulative;

    OneOfGenerator(List<AttributeValue> values, List<Double> weights) {
        this.values = List.copyOf(values);
        this.cumulative = new double[values.size()];
        // Relative to the largest weight, so that the sum stays finite and small however large the weights are.
        double largest = weights.stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
        double total = 0;
        for (int i = 0; i < values.size(); i++) {
            total += weights.isEmpty() ? 1.0 : weights.get(i) / largest;
            cumulative[i] = total;
        }
    }

    @Override
    public AttributeValue next(GenerationContext context) {
        double point = context.random().nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, point);
        index = index >= 0 ? index + 1 : -index - 1;
        return values.get(Math.min(index, values.size() - 1));
    }
}
