package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code bytes} generator kind. */
final class BytesKind implements GeneratorKind<GeneratorSpec.RandomBytes> {
    static final BytesKind INSTANCE = new BytesKind();

    static final int MAX_LENGTH = 1024;

    private BytesKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.BYTES;
    }

    @Override
    public Class<GeneratorSpec.RandomBytes> specType() {
        return GeneratorSpec.RandomBytes.class;
    }

    @Override
    public String doc() {
        return "random bytes";
    }

    @Override
    public String valueTypes() {
        return "B";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.whole("length", 16, "length: 16", "how many bytes").between(1, MAX_LENGTH));
    }

    @Override
    public String example() {
        return "{generator: bytes, length: 16}";
    }

    @Override
    public GeneratorSpec.RandomBytes read(ParameterValues values) {
        long length = values.whole("length");
        return new GeneratorSpec.RandomBytes((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public void validate(GeneratorSpec.RandomBytes spec, GeneratorChecks checks) {
        if (spec.length() < 1 || spec.length() > MAX_LENGTH) {
            checks.problem(
                    "length", spec.length() + " is out of range; use 1 to " + MAX_LENGTH + " bytes, e.g. length: 16");
        }
    }

    @Override
    public Generator create(GeneratorSpec.RandomBytes spec, long tableSeed) {
        int length = spec.length();
        return context -> {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i += 8) {
                long word = context.random().nextLong();
                for (int j = i; j < Math.min(length, i + 8); j++) {
                    bytes[j] = (byte) word;
                    word >>>= 8;
                }
            }
            return AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(bytes));
        };
    }
}
