package io.jixiao.api.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.Violation;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PaymentApplicationTest {

    @Test
    void buildsFromValidRequestFields() {
        PaymentApplication app = PaymentApplication.from("440100000", 2026, "PA-1", "101001", "P1", "B1",
                new BigDecimal("99.9"), "PROJECT");
        assertThat(app.amount().toString()).isEqualTo("99.90");
        assertThat(app.kind()).isEqualTo(ExpenditureKind.PROJECT);
    }

    @Test
    void basicExpenditureNeedsNoProject() {
        assertThat(PaymentApplication.from("440100000", 2026, "PA-1", "101001", null, "B1", BigDecimal.TEN, "BASIC")
                .proCode()).isNull();
    }

    @Test
    void reportsEveryBrokenFieldAtOnce() {
        assertThatThrownBy(() -> PaymentApplication.from("44", null, "", "101001", null, null,
                new BigDecimal("0.001"), "OTHER")).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).extracting(Violation::field).containsExactly("MOF_DIV_CODE", "FISCAL_YEAR",
                        "PAY_APP_NO", "BGT_ID", "PAY_APP_AMT", "EXP_KIND"));
    }

    @Test
    void projectExpenditureNeedsAProject() {
        assertThatThrownBy(() -> PaymentApplication.from("440100000", 2026, "PA-1", "101001", null, "B1",
                BigDecimal.TEN, "PROJECT")).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.violations()).singleElement().extracting(Violation::field).isEqualTo("PRO_CODE"));
    }
}
