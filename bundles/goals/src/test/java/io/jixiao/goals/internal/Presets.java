package io.jixiao.goals.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import io.jixiao.api.model.MofDivCode;

/** The rule-set presets shipped in {@code config/}, read as the distribution reads them, and a region tree. */
final class Presets {
    static final Path CONFIG = Path.of("../../config");

    /** The seed regions' parents, as a bureau would configure them (not derived from the digits). */
    static final Map<String, String> PARENTS = Map.of("440106000", "440100000", "440100000", "440000000",
            "654300000", "654000000", "654000000", "650000000", "430603000", "430600000", "430600000", "430000000",
            "140400000", "140000000");

    private Presets() {
    }

    static Map<String, Properties> files() {
        Map<String, Properties> files = new HashMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(CONFIG, "io.jixiao.goals.rules-*.cfg")) {
            for (Path file : dir) {
                Properties p = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                files.put(file.getFileName().toString(), p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<RuleSet> sets() {
        return sets(files());
    }

    static List<RuleSet> sets(Map<String, Properties> files) {
        List<RuleSet> sets = new ArrayList<>();
        files.values().forEach(p -> {
            Map<String, Object> map = new HashMap<>();
            p.forEach((k, v) -> map.put((String) k, v));
            sets.add(RuleSets.from(map));
        });
        return sets;
    }

    static RuleBook book() {
        return book(sets());
    }

    /** The presets with one file's values changed, as a bureau edits a rule set at runtime. */
    static RuleBook book(String file, Map<String, String> changes) {
        Map<String, Properties> files = files();
        changes.forEach(files.get(file)::setProperty);
        return book(sets(files));
    }

    private static RuleBook book(List<RuleSet> sets) {
        return new RuleBook(sets, region -> Optional.ofNullable(PARENTS.get(region.value())).map(MofDivCode::of));
    }
}
