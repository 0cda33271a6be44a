package dev.parley.cli.demo;

import dev.parley.cli.demo.Journal.Line;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Prints journal lines as columns sized to their content. */
final class Table {

    private static final String[] HEADINGS = {"STYLE", "FROM -> TO", "OPERATION", "OUTCOME", "LATENCY"};
    private static final String GAP = "  ";

    private Table() {
    }

    static void print(PrintWriter out, List<Line> lines) {
        List<Function<Line, String>> columns = List.of(l -> l.style().label(), Line::route, Line::operation,
                Line::outcome, l -> millis(l.nanos()));
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = HEADINGS[i].length();
            for (Line l : lines) {
                widths[i] = Math.max(widths[i], columns.get(i).apply(l).length());
            }
        }
        out.println(row(widths, HEADINGS));
        for (Line l : lines) {
            out.println(row(widths, columns.stream().map(c -> c.apply(l)).toArray(String[]::new)));
        }
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1_000_000.0);
    }

    /** Text columns are left-aligned, the last (a number) right-aligned. */
    private static String row(int[] widths, String[] cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length - 1; i++) {
            sb.append(String.format("%-" + widths[i] + "s", cells[i])).append(GAP);
        }
        int last = cells.length - 1;
        return sb.append(String.format("%" + widths[last] + "s", cells[last])).toString();
    }
}
