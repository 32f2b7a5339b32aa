package io.jixiao.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    private static List<String> found(Violations v) {
        try {
            v.throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.violations().stream().map(x -> x.field() + " " + x.rule()).toList();
        }
    }

    @Test
    void aTextFieldIsRequiredBoundedAndFreeOfControlCharacters() {
        Violations v = new Violations();
        v.text("A", null, 5, true);
        v.text("B", null, 5, false);
        v.text("C", "123456", 5, true);
        v.text("D", "a\u0007b", 5, true);
        v.text("E", "a\nb\tc", 5, true);

        assertThat(found(v)).containsExactly("A required", "C length", "D characters");
    }

    @Test
    void eachNamesAnElementsRuleByItsPlaceInTheList() {
        Violations v = new Violations();
        List<Integer> read = v.each("LINES", Arrays.asList("1", null, "x", "4"), (x, raw) -> {
            try {
                return Integer.valueOf(raw);
            } catch (NumberFormatException e) {
                x.add("AMOUNT", "type", "a number");
                return null;
            }
        });

        assertThat(read).containsExactly(1, 4);
        assertThat(found(v)).containsExactly("LINES[1] required", "LINES[2].AMOUNT type");
    }

    @Test
    void withinAnswersNothingForAPartThatBrokeARule() {
        Violations v = new Violations();
        String broken = v.within("P.", x -> {
            x.add("F", "rule", "broken");
            return "value";
        });
        String fine = v.within("Q.", x -> "fine");
        assertThat(broken).isNull();
        assertThat(fine).isEqualTo("fine");
        assertThat(found(v)).containsExactly("P.F rule");
    }

    @Test
    void aMissingYearIsRequiredAndAWrongOneOutOfRange() {
        Violations v = new Violations();
        assertThat(FiscalYear.from(v, null)).isNull();
        assertThat(FiscalYear.from(v, 1999)).isNull();
        assertThat(FiscalYear.from(v, 2026)).isEqualTo(FiscalYear.of(2026));
        assertThat(found(v)).containsExactly("FISCAL_YEAR required", "FISCAL_YEAR range");
        assertThatThrownBy(v::throwIfAny).isInstanceOf(InvalidInputException.class);
    }
}
