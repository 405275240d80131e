package dev.dynaseed.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlReasonsTest {
    @Test
    void snakeYamlsNumberFormatException_becomesWhatToWrite() {
        assertThat(YamlReasons.explain("Malformed Number token: failed to tokenize due to"
                        + " (java.lang.NumberFormatException): For input string: \"\" under radix 16"))
                .isEqualTo(YamlReasons.CUT_SHORT_ESCAPE);
    }

    @Test
    void aJavaExceptionsNameInAnotherReason_isLeftOut() {
        assertThat(YamlReasons.explain("bad thing (java.lang.IllegalStateException): at the end"))
                .isEqualTo("bad thing at the end");
        assertThat(YamlReasons.explain("SomethingException happened")).isEqualTo("cannot be parsed");
    }

    @Test
    void anOrdinaryReason_staysAsItIs_onOneLine() {
        assertThat(YamlReasons.explain("mapping values are not allowed here\n  in line 3"))
                .isEqualTo("mapping values are not allowed here in line 3");
    }
}
