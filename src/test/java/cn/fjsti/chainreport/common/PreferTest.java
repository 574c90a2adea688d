package cn.fjsti.chainreport.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7240's Prefer header: which values ask for the minimal answer. */
class PreferTest {

    @ParameterizedTest
    @ValueSource(strings = {"return=minimal", "Return=Minimal", " return = minimal ", "return=\"minimal\"",
        "respond-async, return=minimal", "return=minimal; foo=bar", "wait=10,return=minimal,handling=lenient"})
    void shouldHonourReturnMinimal(String header) {
        assertThat(Prefer.minimal(header)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @CsvSource(delimiter = '|', value = {"return=representation", "return=minimalist", "x-return=minimal",
        "handling=strict; return=minimal", "minimal", "respond-async"})
    void shouldAnswerTheWholeReportOtherwise(String header) {
        assertThat(Prefer.minimal(header)).isFalse();
    }
}
