package app.scribe.lab;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A page's result table: a header and rows of text, written as CSV or printed as aligned columns. */
public record Table(List<String> header, List<List<String>> rows) {
    public Table {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public static Table of(List<String> header) {
        return new Table(header, List.of());
    }

    public Table with(List<String> row) {
        List<List<String>> all = new ArrayList<>(rows);
        all.add(List.copyOf(row));
        return new Table(header, all);
    }

    public String csv() {
        StringBuilder sb = new StringBuilder();
        sb.append(csvLine(header));
        rows.forEach(r -> sb.append(csvLine(r)));
        return sb.toString();
    }

    /** Columns padded to their widest cell, for the terminal. */
    public List<String> aligned() {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                widths[i] = Math.max(widths[i], r.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> r : all) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                sb.append(String.format("%-" + (widths[i] + 2) + "s", r.get(i)));
            }
            lines.add(sb.toString().stripTrailing());
        }
        return lines;
    }

    private static String csvLine(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String c : cells) {
            quoted.add(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", quoted) + "\n";
    }

    /** Writes the CSV to a file that must not exist yet (through a temporary file and an atomic move). */
    public Path writeCsv(Path file) {
        return NewFile.write(file, out -> out.write(csv().getBytes(StandardCharsets.UTF_8)));
    }
}
