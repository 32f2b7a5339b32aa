package io.jixiao.api.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.Violation;
import org.junit.jupiter.api.Test;

class HoldTargetTest {

    @Test
    void projectAndBudgetLineTargets() {
        assertThat(HoldTarget.from("PROJECT", "440100000", "P1", null).code()).isEqualTo("P1");
        assertThat(HoldTarget.from("BUDGET_LINE", "440100000", null, "B1").code()).isEqualTo("B1");
    }

    @Test
    void aTargetNamesExactlyOneCode() {
        assertThatThrownBy(() -> HoldTarget.from("PROJECT", "440100000", "P1", "B1"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("target"));
        assertThatThrownBy(() -> HoldTarget.from("BUDGET_LINE", "440100000", null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> HoldTarget.from("AGENCY", "440100000", "P1", null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("TARGET_TYPE"));
    }
}
