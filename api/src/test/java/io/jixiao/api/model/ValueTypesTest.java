package io.jixiao.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"440100000", "120000000", "654300000", "440106"})
    void acceptsRegionCodes(String code) {
        assertThat(MofDivCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"44", "4401000001", "44010000A", " 440100000", ""})
    void rejectsMalformedRegionCodesNamingFieldAndRule(String code) {
        assertThatThrownBy(() -> MofDivCode.of(code)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("MOF_DIV_CODE");
                    assertThat(v.rule()).isEqualTo("pattern");
                }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stop\u0000now", "bell\u0007", "esc\u001b[0m", "del\u007f", "c1\u0085"})
    void textRefusesControlCharacters(String text) {
        assertThatThrownBy(() -> Reason.of(text)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("REASON");
                    assertThat(v.rule()).isEqualTo("characters");
                }));
    }

    @Test
    void textKeepsLineBreaksAndTabs() {
        assertThat(Reason.of("第一行\r\n\t第二行").text()).isEqualTo("第一行\r\n\t第二行");
    }

    @Test
    void missingCodeIsRequired() {
        assertThatThrownBy(() -> ProCode.of(null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations().get(0).rule()).isEqualTo("required"));
    }

    @Test
    void codeLengthsFollowThePlatformStandard() {
        assertThat(AgencyCode.of("A".repeat(21)).value()).hasSize(21);
        assertThatThrownBy(() -> AgencyCode.of("A".repeat(22))).isInstanceOf(InvalidInputException.class);
        assertThat(BgtId.of("b".repeat(38)).value()).hasSize(38);
        assertThatThrownBy(() -> BgtId.of("b".repeat(39))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ProCode.of("P 1")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PayAppNo.of("-leading")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void fiscalYearIsFourDigits() {
        assertThat(FiscalYear.of(2026).value()).isEqualTo(2026);
        assertThatThrownBy(() -> FiscalYear.of(26)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FiscalYear.of(12026)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void moneyIsPositiveYuanWithTwoDecimals() {
        assertThat(Money.positive("AMT", new BigDecimal("1")).yuan()).isEqualTo(new BigDecimal("1.00"));
        assertThat(Money.positive("AMT", new BigDecimal("0.01")).toString()).isEqualTo("0.01");
        assertThat(Money.positive("AMT", new BigDecimal("12.300")).toString()).isEqualTo("12.30");
        assertThat(rule(() -> Money.positive("AMT", BigDecimal.ZERO))).isEqualTo("positive");
        assertThat(rule(() -> Money.positive("AMT", new BigDecimal("-5")))).isEqualTo("positive");
        assertThat(rule(() -> Money.positive("AMT", new BigDecimal("1.001")))).isEqualTo("scale");
        assertThat(rule(() -> Money.positive("AMT", new BigDecimal("1E+17")))).isEqualTo("max");
        assertThat(rule(() -> Money.positive("AMT", null))).isEqualTo("required");
        assertThatThrownBy(() -> new Money(new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reasonsAreBoundedText() {
        assertThat(Reason.of("执行率严重偏离").text()).isEqualTo("执行率严重偏离");
        assertThat(rule(() -> Reason.of("  "))).isEqualTo("required");
        assertThat(rule(() -> Reason.of("x".repeat(501)))).isEqualTo("max-length");
        assertThat(rule(() -> Reason.of("bell\u0007"))).isEqualTo("characters");
    }

    @Test
    void actorsNameCallerAndOperator() {
        assertThat(rule(() -> Actor.of("", "li", Role.FINANCE))).isEqualTo("required");
        assertThat(rule(() -> Actor.of("UI", "x".repeat(65), Role.FINANCE))).isEqualTo("max-length");
        assertThat(Actor.of("UI", "li", Role.FINANCE).has(Role.FINANCE)).isTrue();
    }

    private static String rule(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e.violations().get(0).rule();
        }
        throw new AssertionError("no violation");
    }
}
