package dev.dynaseed.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynaseed.spec.InvalidSpecException;
import dev.dynaseed.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A {@code fake} generator's locale is one Datafaker ships, or a problem that says which ones it has. */
class FakeLocaleTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-US", "de-CH", "de-DE", "fr", "pt-BR", "zh-CN", "ja", "EN-us"})
    void locale_isAccepted_whenDatafakerShipsIt(String locale) {
        assertThat(SpecReader.read(spec(locale), SpecReader.SpecFormat.YAML, "s.yaml")
                        .tables()
                        .get(0)
                        .seed()
                        .attributes())
                .containsKey("name");
    }

    @Test
    void locale_isAProblemWithTheLocalesOfItsLanguage_whenDatafakerShipsNotThatCountry() {
        assertThat(problem("en-XX"))
                .startsWith("s.yaml:8:65: tables[0].seed.attributes.name.locale: 'en-XX' is not a locale Datafaker"
                        + " ships; did you mean 'en'? For en it ships en, en-AU, ")
                .contains("en-GB")
                .doesNotContain("\n");
    }

    @Test
    void locale_isAProblemWithExamples_whenDatafakerShipsNothingOfItsLanguage() {
        assertThat(problem("xx-YY"))
                .endsWith("'xx-YY' is not a locale Datafaker ships; use one it ships, e.g. locale: en (or en-US,"
                        + " en-GB, de, de-CH, fr, es, it, ja, zh-CN)");
    }

    @Test
    void locale_withUnderscores_isAProblemSayingToWriteHyphens() {
        assertThat(problem("de_CH"))
                .endsWith("'de_CH' is not a language tag, which separates its parts with '-': write locale: de-CH");
        assertThat(problem("xx_YY"))
                .endsWith("'xx_YY' is not a language tag, which separates its parts with '-'; and Datafaker ships no"
                        + " 'xx-YY' either; use one it ships, e.g. locale: en (or en-US, en-GB, de, de-CH, fr, es, it,"
                        + " ja, zh-CN)");
    }

    @Test
    void locale_thatIsCloseToAShippedOne_isAProblemWithADidYouMean() {
        assertThat(problem("pt-BRR")).endsWith("'pt-BRR' is not a locale Datafaker ships; did you mean 'pt-BR'?");
        assertThat(problem("zz-CNN")).endsWith("did you mean 'zh-CN'?");
    }

    private static String problem(String locale) {
        return assertThatThrownBy(() -> SpecReader.read(spec(locale), SpecReader.SpecFormat.YAML, "s.yaml"))
                .isInstanceOf(InvalidSpecException.class)
                .actual()
                .getMessage()
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow()
                .strip();
    }

    private static String spec(String locale) {
        return """
                tables:
                  - name: people
                    partitionKey: {name: id, type: S}
                    seed:
                      count: 2
                      attributes:
                        id: uuid4
                        name: {generator: fake, expression: '#{Name.fullName}', locale: %s}
                """.formatted(locale);
    }
}
