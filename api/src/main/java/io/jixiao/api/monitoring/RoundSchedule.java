package io.jixiao.api.monitoring;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

/**
 * One scheduled monitoring round of a year: the data cut-off and the day units' reports are due, on which the round
 * runs. Written {@code 07-31>08-31} in a rule set (national: August, on January–July data).
 *
 * @param cutOff the last day of the data the round judges
 * @param due the day units' reports are due and the round runs; after the cut-off
 */
public record RoundSchedule(MonthDay cutOff, MonthDay due) {
    public RoundSchedule {
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(due, "due");
        if (!due.isAfter(cutOff)) {
            throw new IllegalArgumentException("a round's due day " + due + " must come after its cut-off " + cutOff);
        }
    }

    /** @return the rule-set text, {@code 07-31>08-31} */
    public String text() {
        return String.format("%02d-%02d>%02d-%02d", cutOff.getMonthValue(), cutOff.getDayOfMonth(),
                due.getMonthValue(), due.getDayOfMonth());
    }

    /**
     * @param year the budget year
     * @return the cut-off date in that year
     */
    public LocalDate cutOffIn(int year) {
        return cutOff.atYear(year);
    }

    /**
     * @param year the budget year
     * @return the due date in that year
     */
    public LocalDate dueIn(int year) {
        return due.atYear(year);
    }
}
