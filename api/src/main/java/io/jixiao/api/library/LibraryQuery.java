package io.jixiao.api.library;

import io.jixiao.api.goal.Level1;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Violations;

/**
 * A library search: the region's entries, narrowed by any of the filters, in code order, a page at a time.
 *
 * @param mofDivCode the region (required)
 * @param kind common or industry, or {@code null} for both
 * @param level1 a level-1 category, or {@code null}
 * @param level2 a level-2 category, or {@code null}
 * @param agencyCode a department's industry indicators, or {@code null}
 * @param functionalClass a functional class; entries of that class or under it (prefix), and those for every
 *        class; or {@code null}
 * @param keyword text the indicator's name or scoring standard contains (Chinese or not), or {@code null}
 * @param status ACTIVE, RETIRED, or {@code null} for both
 * @param afterCode list entries after this code ({@code null}: from the first)
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 */
public record LibraryQuery(MofDivCode mofDivCode, IndicatorKind kind, Level1 level1, Level2 level2,
        AgencyCode agencyCode, String functionalClass, String keyword, EntryStatus status, String afterCode,
        int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 500;

    public LibraryQuery {
        Violations v = new Violations();
        if (mofDivCode == null) {
            v.add(MofDivCode.FIELD, "required", "is required");
        }
        functionalClass = functionalClass == null || functionalClass.isBlank() ? null : functionalClass.strip();
        if (functionalClass != null && !functionalClass.matches("[0-9]{1,7}")) {
            v.add("FUNC_CLASS", "pattern", "1 to 7 digits");
        }
        keyword = keyword == null || keyword.isBlank() ? null : keyword.strip();
        if (keyword != null && keyword.length() > 100) {
            v.add("KEYWORD", "length", "at most 100 characters");
        } else if (keyword != null && keyword.chars().anyMatch(Character::isISOControl)) {
            v.add("KEYWORD", "characters", "must not contain control characters");
        }
        if (afterCode != null && afterCode.chars().anyMatch(Character::isISOControl)) {
            v.add("AFTER", "characters", "must not contain control characters");
        }
        if (afterCode != null && afterCode.length() > 40) {
            v.add("AFTER", "length", "at most 40 characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            v.add("LIMIT", "range", "1 to " + MAX_LIMIT);
        }
        v.throwIfAny();
    }

    /**
     * @param mofDivCode the region
     * @param limit page size
     * @return every entry of the region, a page at a time
     */
    public static LibraryQuery all(MofDivCode mofDivCode, int limit) {
        return new LibraryQuery(mofDivCode, null, null, null, null, null, null, null, null, limit);
    }

    /**
     * @param after the last code of the previous page
     * @return the same search, from the next page
     */
    public LibraryQuery after(String after) {
        return new LibraryQuery(mofDivCode, kind, level1, level2, agencyCode, functionalClass, keyword, status, after,
                limit);
    }
}
