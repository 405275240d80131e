package dev.dynaseed.generate;

import dev.dynaseed.spec.GeneratorSpec;
import dev.dynaseed.spec.internal.Quote;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code template} generator kind: text built from other attributes of the same item. */
final class TemplateKind implements GeneratorKind<GeneratorSpec.Template> {
    static final TemplateKind INSTANCE = new TemplateKind();

    private TemplateKind() {}

    @Override
    public GeneratorSpec.Kind kind() {
        return GeneratorSpec.Kind.TEMPLATE;
    }

    @Override
    public Class<GeneratorSpec.Template> specType() {
        return GeneratorSpec.Template.class;
    }

    @Override
    public String doc() {
        return "text from other attributes of the item: `USER#{user_id}`, `{n:06}` (zero-padded), `{name:lower}`,"
                + " `{name:upper}`, `{parent.id}` in a collection; made after the attributes it reads";
    }

    @Override
    public String valueTypes() {
        return "S";
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.required(
                "template",
                ParameterType.TEXT,
                "template: 'ORDER#{created}#{order_id}'",
                "the text with {placeholders}"));
    }

    @Override
    public String example() {
        return "{generator: template, template: 'USER#{user_id}'} or just 'USER#{user_id}'";
    }

    @Override
    public GeneratorSpec.Template read(ParameterValues values) {
        return new GeneratorSpec.Template(values.text("template").orElseThrow());
    }

    @Override
    public void validate(GeneratorSpec.Template spec, GeneratorChecks checks) {
        TemplateText.Parsed parsed = TemplateText.parse(spec.template());
        parsed.error().ifPresent(error -> checks.problem("template", Quote.of(spec.template()) + " " + error));
        // Which attributes it reads, and in which order they are made, is checked with the item's attributes.
    }

    @Override
    public Generator create(GeneratorSpec.Template spec, long tableSeed) {
        TemplateText template = TemplateText.parse(spec.template()).template().orElseThrow();
        return context -> AttributeValue.fromS(template.render(context.item(), context.parent()));
    }
}
