package org.tryst.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * One scenario's figures: a row per metric, a column per system, then Tryst's ratio to each peer,
 * labelled with which way is better. Printed as Markdown so the same text goes to the terminal and
 * to docs/performance.md.
 */
public final class Table {
    /** Which way a metric improves. */
    enum Better { LOWER, HIGHER, NEITHER }

    private record Row(String metric, Better better, List<Double> values, List<String> notes) {}

    private final String title;
    private final List<String> systems;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> footnotes = new ArrayList<>();

    Table(String title, List<String> systems) {
        this.title = title;
        this.systems = systems;
    }

    /** Adds a row: one value per system in column order; NaN where a system has no figure. */
    Table row(String metric, Better better, double... values) {
        List<Double> boxed = new ArrayList<>();
        for (double value : values) boxed.add(value);
        rows.add(new Row(metric, better, boxed, List.of()));
        return this;
    }

    /** One figure per system, in the order of the results. */
    static <R> double[] values(List<R> results, ToDoubleFunction<R> figure) {
        return results.stream().mapToDouble(figure).toArray();
    }

    Table footnote(String text) {
        footnotes.add(text);
        return this;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder("### ").append(title).append("\n\n| metric |");
        systems.forEach(system -> out.append(' ').append(system).append(" |"));
        List<String> peers = systems.subList(1, systems.size());
        peers.forEach(peer -> out.append(' ').append(systems.getFirst()).append(" ÷ ").append(peer).append(" |"));
        out.append("\n|---|");
        out.append("---:|".repeat(systems.size() + peers.size())).append('\n');
        for (Row row : rows) {
            out.append("| ").append(row.metric).append(" |");
            row.values.forEach(value -> out.append(' ').append(number(value)).append(" |"));
            for (int peer = 1; peer < systems.size(); peer++) out.append(' ').append(ratio(row, peer)).append(" |");
            out.append('\n');
        }
        footnotes.forEach(note -> out.append("\n").append(note).append('\n'));
        return out.append('\n').toString();
    }

    private static String ratio(Row row, int peer) {
        double ours = row.values.getFirst();
        double theirs = row.values.get(peer);
        if (Double.isNaN(ours) || Double.isNaN(theirs) || theirs == 0 || row.better == Better.NEITHER) return "";
        double ratio = ours / theirs;
        boolean better = row.better == Better.LOWER ? ratio < 1 : ratio > 1;
        return String.format(Locale.ROOT, "%.2f× %s", ratio, ratio == 1 ? "" : better ? "(better)" : "(worse)").strip();
    }

    static String number(double value) {
        if (Double.isNaN(value)) return "–";
        if (value == Math.rint(value) && Math.abs(value) < 1e12) return String.format(Locale.ROOT, "%,d", (long) value);
        if (Math.abs(value) >= 100) return String.format(Locale.ROOT, "%,.0f", value);
        if (Math.abs(value) >= 10) return String.format(Locale.ROOT, "%.1f", value);
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
