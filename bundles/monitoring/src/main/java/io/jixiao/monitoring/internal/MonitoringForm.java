package io.jixiao.monitoring.internal;

import io.jixiao.api.model.InvalidInputException;
import io.jixiao.api.model.ProCode;
import io.jixiao.api.model.Violation;
import io.jixiao.api.monitoring.Forecast;
import io.jixiao.api.monitoring.IndicatorProgress;
import io.jixiao.sheets.SheetLimits;
import io.jixiao.sheets.SheetReader;
import io.jixiao.sheets.SheetRejectedException;
import io.jixiao.sheets.SheetRow;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitoring form 绩效监控情况表 as units fill it in: a header row naming the columns (Chinese or field codes, any
 * order), then one row per indicator of each project. Read whole (a unit's form is small: the REST body cap is
 * 256 KB), checked row by row; every problem names its row and column.
 */
final class MonitoringForm {
    /** At most this many rows per form. */
    static final int MAX_ROWS = 20_000;
    private static final SheetLimits LIMITS = new SheetLimits(SheetLimits.DEFAULT.maxFileBytes(),
            SheetLimits.DEFAULT.maxInflatedBytes(), SheetLimits.DEFAULT.maxRatio(), SheetLimits.DEFAULT.maxParts(),
            MAX_ROWS + 1, SheetLimits.DEFAULT.maxColumns(), SheetLimits.DEFAULT.maxCellChars());

    /** The columns, in the order an export writes them. */
    enum Column {
        PRO_CODE("项目代码", true),
        KPI_CONTENT("三级指标", true),
        KPI_VAL_TODATE("截至目前完成值", true),
        FORECAST("全年完成预计", true),
        DEVIATION_REASON("偏差原因", false),
        MEASURE("纠偏措施", false);

        final String chinese;
        final boolean required;

        Column(String chinese, boolean required) {
            this.chinese = chinese;
            this.required = required;
        }
    }

    private static final Map<String, Forecast> FORECASTS = Map.of("确定能完成", Forecast.WILL_COMPLETE, "有偏差但能完成",
            Forecast.DEVIATING_CAN_COMPLETE, "无法完成", Forecast.CANNOT_COMPLETE);

    private MonitoringForm() {
    }

    /**
     * @return each project's indicator rows, in the form's order
     * @throws InvalidInputException naming every bad row, or the file's problem
     */
    static Map<ProCode, List<IndicatorProgress>> read(Path file, Charset csvCharset) {
        List<SheetRow> rows = new ArrayList<>();
        try {
            SheetReader.read(file, csvCharset, LIMITS, rows::add);
        } catch (SheetRejectedException e) {
            throw InvalidInputException.of("FILE", e.reason().name(), e.getMessage());
        }
        rows.removeIf(SheetRow::blank);
        if (rows.isEmpty()) {
            throw InvalidInputException.of("FILE", "empty", "the form has no header row");
        }
        List<Violation> problems = new ArrayList<>();
        Map<Column, Integer> at = header(rows.get(0), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<ProCode, List<IndicatorProgress>> projects = new LinkedHashMap<>();
        for (SheetRow row : rows.subList(1, rows.size())) {
            String code = cell(row, at, Column.PRO_CODE);
            ProCode project = null;
            try {
                project = ProCode.of(code);
            } catch (InvalidInputException e) {
                problems.add(problem(row, Column.PRO_CODE, "'" + code + "' is not a project code"));
            }
            String forecastText = cell(row, at, Column.FORECAST);
            Forecast forecast = FORECASTS.get(forecastText);
            if (forecast == null) {
                try {
                    forecast = Forecast.valueOf(forecastText);
                } catch (IllegalArgumentException e) {
                    problems.add(problem(row, Column.FORECAST, "'" + forecastText + "' is not one of "
                            + FORECASTS.keySet()));
                    continue;
                }
            }
            try {
                IndicatorProgress p = new IndicatorProgress(cell(row, at, Column.KPI_CONTENT),
                        cell(row, at, Column.KPI_VAL_TODATE), forecast, cell(row, at, Column.DEVIATION_REASON),
                        cell(row, at, Column.MEASURE));
                if (project != null) {
                    projects.computeIfAbsent(project, k -> new ArrayList<>()).add(p);
                }
            } catch (InvalidInputException e) {
                e.violations().forEach(v -> problems.add(problem(row, Column.valueOf(v.field()), v.message())));
            }
        }
        if (projects.isEmpty() && problems.isEmpty()) {
            problems.add(new Violation("FILE", "empty", "the form has no indicator rows under its header"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return projects;
    }

    /** @return the form's header row */
    static List<Object> header() {
        List<Object> names = new ArrayList<>();
        for (Column c : Column.values()) {
            names.add(c.chinese);
        }
        return names;
    }

    private static Map<Column, Integer> header(SheetRow row, List<Violation> problems) {
        Map<Column, Integer> at = new EnumMap<>(Column.class);
        for (int i = 0; i < row.cells().size(); i++) {
            String name = row.cell(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            Column found = null;
            for (Column c : Column.values()) {
                if (c.chinese.equals(name) || c.name().equalsIgnoreCase(name)) {
                    found = c;
                }
            }
            if (found == null) {
                problems.add(new Violation("ROW " + row.number() + " " + name, "form", "unknown column; the columns are "
                        + header()));
            } else if (at.put(found, i) != null) {
                problems.add(new Violation("ROW " + row.number() + " " + name, "form", "the column is given twice"));
            }
        }
        for (Column c : Column.values()) {
            if (c.required && !at.containsKey(c)) {
                problems.add(new Violation("ROW " + row.number() + " " + c.chinese, "form",
                        "the header row lacks this required column"));
            }
        }
        return at;
    }

    private static String cell(SheetRow row, Map<Column, Integer> at, Column column) {
        Integer i = at.get(column);
        return i == null ? "" : row.cell(i).strip();
    }

    private static Violation problem(SheetRow row, Column column, String message) {
        return new Violation("ROW " + row.number() + " " + column.chinese, "form", message);
    }
}
