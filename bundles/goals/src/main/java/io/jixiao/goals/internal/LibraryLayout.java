package io.jixiao.goals.internal;

import io.jixiao.api.goal.ComputeSign;
import io.jixiao.api.goal.Level1;
import io.jixiao.api.goal.Level2;
import io.jixiao.api.library.EntryStatus;
import io.jixiao.api.library.IndicatorKind;
import io.jixiao.api.library.LibraryEntry;
import io.jixiao.api.library.LibraryIndicator;
import io.jixiao.api.model.AgencyCode;
import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.MofDivCode;
import io.jixiao.api.model.Violation;
import io.jixiao.sheets.SheetRejectedException;
import io.jixiao.sheets.SheetRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The library's spreadsheet layout: one row per indicator, a header row naming the columns by their Chinese names
 * (as exported) or their field codes, in any order. What an export writes, an import takes back unchanged.
 */
final class LibraryLayout {
    /** The columns, in export order. */
    enum Column {
        IND_CODE("指标编码", true),
        KIND("指标类型", true),
        AGENCY_CODE("部门编码", false),
        KPI_LV1("一级指标", false),
        KPI_LV2("二级指标", true),
        KPI_CONTENT("三级指标", true),
        FUNC_CLASS("功能分类", false),
        COMPUTESIGN("计算符号", true),
        METERUNIT("计量单位", false),
        KPI_VAL("指标值", false),
        KPI_EVALSTD("评分标准", false),
        VALID_FROM("生效日期", true),
        VALID_TO("失效日期", false),
        STATUS("状态", false);

        final String chinese;
        final boolean required;

        Column(String chinese, boolean required) {
            this.chinese = chinese;
            this.required = required;
        }
    }

    /** A parsed row: the indicator and its status, or the problems. */
    record Parsed(LibraryIndicator indicator, EntryStatus status, List<String[]> problems) {
    }

    private final Map<Column, Integer> positions;

    private LibraryLayout(Map<Column, Integer> positions) {
        this.positions = positions;
    }

    /** @return the export's header row */
    static List<Object> header() {
        return Arrays.stream(Column.values()).<Object>map(c -> c.chinese).toList();
    }

    /**
     * @param header the file's first row
     * @return the layout it names
     * @throws SheetRejectedException WRONG_COLUMNS for an unknown, repeated or missing column
     */
    static LibraryLayout of(SheetRow header) {
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cell(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Column column = column(name).orElseThrow(() -> new SheetRejectedException(
                    SheetRejectedException.Reason.WRONG_COLUMNS, header.number(), name, "unknown column '" + name
                            + "'; the columns are " + names()));
            if (positions.put(column, i) != null) {
                throw new SheetRejectedException(SheetRejectedException.Reason.WRONG_COLUMNS, header.number(), name,
                        "column '" + name + "' is given twice");
            }
        }
        List<String> missing = Arrays.stream(Column.values()).filter(c -> c.required && !positions.containsKey(c))
                .map(c -> c.chinese + " (" + c.name() + ")").toList();
        if (!missing.isEmpty()) {
            throw new SheetRejectedException(SheetRejectedException.Reason.WRONG_COLUMNS, header.number(), null,
                    "the header row lacks the required columns " + missing + "; the layout is " + names());
        }
        return new LibraryLayout(positions);
    }

    private static Optional<Column> column(String header) {
        String bare = header.replaceAll("[(（].*[)）]", "").strip();
        for (Column c : Column.values()) {
            if (c.name().equalsIgnoreCase(bare) || c.chinese.equals(bare) || c.name().equalsIgnoreCase(header)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static String names() {
        return Arrays.stream(Column.values()).map(c -> c.chinese + (c.required ? "*" : "")).toList().toString();
    }

    private String cell(SheetRow row, Column column) {
        Integer at = positions.get(column);
        return at == null ? "" : row.cell(at).strip();
    }

    /**
     * @param region the region whose library the file is for
     * @param row a data row
     * @return the indicator, or every problem of the row (column's Chinese name, reason)
     */
    Parsed parse(MofDivCode region, SheetRow row) {
        List<String[]> problems = new ArrayList<>();
        IndicatorKind kind = choose(row, Column.KIND, problems, Map.of("COMMON", IndicatorKind.COMMON, "共性指标",
                IndicatorKind.COMMON, "共性", IndicatorKind.COMMON, "INDUSTRY", IndicatorKind.INDUSTRY, "行业核心指标",
                IndicatorKind.INDUSTRY, "行业", IndicatorKind.INDUSTRY, "个性", IndicatorKind.INDUSTRY));
        Level2 level2 = level2(cell(row, Column.KPI_LV2), problems);
        String l1 = cell(row, Column.KPI_LV1);
        if (level2 != null && !l1.isEmpty() && level1(l1).map(l -> l != level2.level1()).orElse(true)) {
            problems.add(new String[] {Column.KPI_LV1.chinese, "'" + l1 + "' is not the level-1 category of "
                    + level2.chinese() + " (" + level2.level1().chinese() + ")"});
        }
        ComputeSign sign = sign(cell(row, Column.COMPUTESIGN), problems);
        LocalDate from = date(row, Column.VALID_FROM, problems);
        LocalDate to = date(row, Column.VALID_TO, problems);
        EntryStatus status = cell(row, Column.STATUS).isEmpty() ? EntryStatus.ACTIVE : choose(row, Column.STATUS,
                problems, Map.of("ACTIVE", EntryStatus.ACTIVE, "在用", EntryStatus.ACTIVE, "RETIRED",
                        EntryStatus.RETIRED, "停用", EntryStatus.RETIRED));
        String agency = cell(row, Column.AGENCY_CODE);
        AgencyCode agencyCode = null;
        if (!agency.isEmpty()) {
            try {
                agencyCode = AgencyCode.of(agency);
            } catch (InvalidInputException e) {
                problems.add(new String[] {Column.AGENCY_CODE.chinese, e.getMessage()});
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, null, problems);
        }
        try {
            return new Parsed(new LibraryIndicator(region, cell(row, Column.IND_CODE), kind, agencyCode, level2,
                    cell(row, Column.KPI_CONTENT), cell(row, Column.FUNC_CLASS), sign, cell(row, Column.METERUNIT),
                    cell(row, Column.KPI_VAL), cell(row, Column.KPI_EVALSTD), from, to), status, List.of());
        } catch (InvalidInputException e) {
            for (Violation v : e.violations()) {
                problems.add(new String[] {chineseOf(v.field()), v.message()});
            }
            return new Parsed(null, null, problems);
        }
    }

    /** @return a library entry as an export row, in column order */
    static List<Object> row(LibraryEntry e) {
        LibraryIndicator i = e.indicator();
        return Arrays.asList(i.code(), i.kind().chinese(), i.agencyCode() == null ? "" : i.agencyCode().value(),
                i.level1().chinese(), i.level2().chinese(), i.name(), i.functionalClass(), (long) i.sign().code(),
                i.unit(), i.target(), i.scoring(), i.validFrom(), i.validTo(),
                e.status() == EntryStatus.ACTIVE ? "在用" : "停用");
    }

    private static String chineseOf(String field) {
        for (Column c : Column.values()) {
            if (c.name().equals(field)) {
                return c.chinese;
            }
        }
        return field;
    }

    private <E> E choose(SheetRow row, Column column, List<String[]> problems, Map<String, E> values) {
        String raw = cell(row, column);
        E value = values.get(raw.toUpperCase(Locale.ROOT));
        if (value == null) {
            value = values.get(raw);
        }
        if (value == null) {
            problems.add(new String[] {column.chinese, raw.isEmpty() ? "is required"
                    : "'" + raw + "' is not one of " + new java.util.TreeSet<>(values.keySet())});
        }
        return value;
    }

    private static Level2 level2(String raw, List<String[]> problems) {
        for (Level2 l : Level2.values()) {
            if (l.name().equalsIgnoreCase(raw) || l.chinese().equals(raw)
                    || l.chinese().replace("指标", "").equals(raw)) {
                return l;
            }
        }
        problems.add(new String[] {Column.KPI_LV2.chinese, raw.isEmpty() ? "is required" : "'" + raw
                + "' is not a level-2 category (数量指标, 质量指标, 时效指标, 成本指标, 经济效益指标, 社会效益指标, "
                + "生态效益指标, 可持续影响指标, 服务对象满意度指标)"});
        return null;
    }

    private static Optional<Level1> level1(String raw) {
        for (Level1 l : Level1.values()) {
            if (l.name().equalsIgnoreCase(raw) || l.chinese().equals(raw) || l.chinese().replace("指标", "").equals(raw)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static ComputeSign sign(String raw, List<String[]> problems) {
        for (ComputeSign s : ComputeSign.values()) {
            if (raw.equals(Integer.toString(s.code())) || raw.equals(s.symbol())) {
                return s;
            }
        }
        problems.add(new String[] {Column.COMPUTESIGN.chinese, raw.isEmpty() ? "is required"
                : "'" + raw + "' is not 1 (≥), 2 (>), 3 (=), 4 (<), 5 (≤) or 6 (定性)"});
        return null;
    }

    private LocalDate date(SheetRow row, Column column, List<String[]> problems) {
        String raw = cell(row, column);
        if (raw.isEmpty()) {
            return null;
        }
        String iso = raw.replace('/', '-').replace('.', '-');
        String[] parts = iso.split("-");
        try {
            if (parts.length == 3) {
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Integer.parseInt(parts[2].length() > 2 ? parts[2].substring(0, 2) : parts[2]));
            }
            return LocalDate.parse(iso);
        } catch (NumberFormatException | java.time.DateTimeException e) {
            problems.add(new String[] {column.chinese, "'" + raw + "' is not a date such as 2026-01-01"});
            return null;
        }
    }
}
