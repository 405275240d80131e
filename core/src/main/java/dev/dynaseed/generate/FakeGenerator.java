package dev.dynaseed.generate;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import net.datafaker.Faker;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Evaluates a Datafaker expression with a {@link Random} reseeded from the item's own random source before every
 * value, so that a value depends only on (seed, attribute, index), never on what the thread made before.
 */
final class FakeGenerator implements Generator {
    private final String expression;
    private final ThreadLocal<Seeded> fakers;

    FakeGenerator(String expression, Locale locale) {
        this.expression = expression;
        this.fakers = ThreadLocal.withInitial(() -> new Seeded(locale));
    }

    /** Why {@code expression} cannot be evaluated in {@code locale}, if it cannot. */
    static Optional<String> tryOnce(String expression, Locale locale) {
        try {
            new Faker(locale, new Random(0)).expression(expression);
            return Optional.empty();
        } catch (NoClassDefFoundError e) {
            return Optional.of("needs Datafaker, which this build of dynaseed does not include: run it with the CLI"
                    + " (or deploy the dynaseed-lambda jar built with Datafaker)");
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of("is not a Datafaker expression (" + firstLine(message) + ")");
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        int context = line.indexOf(" for FakerContext");
        if (context >= 0) {
            line = line.substring(0, context); // the rest names objects by their hash codes, new on every run
        }
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    @Override
    public AttributeValue next(GenerationContext context) {
        Seeded seeded = fakers.get();
        seeded.random.setSeed(context.random().nextLong());
        return AttributeValue.fromS(seeded.faker.expression(expression));
    }

    private static final class Seeded {
        private final Random random = new Random(0);
        private final Faker faker;

        Seeded(Locale locale) {
            this.faker = new Faker(locale, random);
        }
    }
}
