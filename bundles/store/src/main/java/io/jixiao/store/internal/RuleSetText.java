package io.jixiao.store.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** A rule set's keys and values as stored: the {@code .properties} text a {@code .cfg} file holds, sorted. */
final class RuleSetText {
    private RuleSetText() {
    }

    static String write(Map<String, String> rules) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(rules).forEach((key, value) -> {
            Properties one = new Properties();
            one.setProperty(key, value);
            StringWriter line = new StringWriter();
            try {
                one.store(line, null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Properties.store writes a date comment first: keep only the entry
            line.toString().lines().filter(l -> !l.startsWith("#")).forEach(l -> out.append(l).append('\n'));
        });
        return out.toString();
    }

    static Map<String, String> read(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> rules = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> rules.put(k, p.getProperty(k)));
        return rules;
    }
}
