package org.tryst.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A dice expression as roleplayers write it ({@code d20}, {@code 2d6+1}, {@code 3d8-1d4+2}): dice
 * and whole numbers added or taken away. The server rolls it, so that everyone can trust the result.
 */
public record Dice(List<Term> terms) {
    /** Most terms in one expression. */
    public static final int MAX_TERMS = 10;
    /** Most dice in one expression. */
    public static final int MAX_DICE = 100;
    /** Most sides on a die. */
    public static final int MAX_SIDES = 1_000;
    /** Largest whole number in an expression. */
    public static final int MAX_NUMBER = 1_000;
    private static final String RULE = "dice are written like d20, 2d6+1 or 3d8-1d4: at most " + MAX_DICE + " dice of 2 to "
            + MAX_SIDES + " sides and numbers up to " + MAX_NUMBER + ", in at most " + MAX_TERMS + " parts";
    private static final Pattern TERM = Pattern.compile("([+-]?)(?:(\\d{0,3})d(\\d{1,4})|(\\d{1,4}))");

    /** One part of an expression: {@code count} dice of {@code sides} (0 for a plain number {@code count}), added or taken away. */
    public record Term(boolean minus, int count, int sides) {
        boolean isNumber() {
            return sides == 0;
        }

        String written() {
            return (isNumber() ? String.valueOf(count) : (count == 1 ? "" : count) + "d" + sides);
        }
    }

    /** The faces each term came up with (a plain number as itself), and their sum. */
    public record Rolled(Dice dice, List<List<Integer>> faces, long total) {
        /** How the roll reads in a channel: {@code 2d6+1: (4+3) + 1 = 8}. */
        public String text() {
            if (dice.terms().size() == 1 && dice.terms().getFirst().count() == 1) return dice.written() + ": " + total;
            StringBuilder text = new StringBuilder(dice.written()).append(": ");
            for (int i = 0; i < faces.size(); i++) {
                Term term = dice.terms().get(i);
                if (i > 0 || term.minus()) text.append(i > 0 ? (term.minus() ? " - " : " + ") : "-");
                List<Integer> each = faces.get(i);
                text.append(term.isNumber() || each.size() == 1 ? each.getFirst().toString()
                        : each.stream().map(String::valueOf).collect(Collectors.joining("+", "(", ")")));
            }
            return text.append(" = ").append(total).toString();
        }
    }

    public Dice {
        terms = List.copyOf(terms);
    }

    /** Reads an expression; {@code invalid_message}, saying how dice are written, when it is not one. */
    public static Dice parse(String written) {
        String compact = written == null ? "" : written.strip().replaceAll("\\s*([+-])\\s*", "$1").toLowerCase(Locale.ROOT);
        Matcher term = TERM.matcher(compact);
        List<Term> terms = new ArrayList<>();
        int at = 0;
        int dice = 0;
        while (at < compact.length() && term.find(at) && term.start() == at
                && (terms.isEmpty() ? !term.group(1).equals("+") : !term.group(1).isEmpty())) {
            boolean minus = term.group(1).equals("-");
            Term read = term.group(4) != null ? new Term(minus, Integer.parseInt(term.group(4)), 0)
                    : new Term(minus, term.group(2).isEmpty() ? 1 : Integer.parseInt(term.group(2)), Integer.parseInt(term.group(3)));
            if (read.isNumber() ? read.count() > MAX_NUMBER : read.count() < 1 || read.sides() < 2 || read.sides() > MAX_SIDES) break;
            if (!read.isNumber()) dice += read.count();
            terms.add(read);
            at = term.end();
        }
        if (compact.isEmpty() || at != compact.length() || terms.size() > MAX_TERMS || dice == 0 || dice > MAX_DICE) {
            throw new ProtocolException(ErrorCode.INVALID_MESSAGE, RULE);
        }
        return new Dice(terms);
    }

    /** The expression as it reads, without spaces: {@code 2d6+1}. */
    public String written() {
        StringBuilder text = new StringBuilder();
        for (Term term : terms) {
            if (term.minus()) text.append('-');
            else if (!text.isEmpty()) text.append('+');
            text.append(term.written());
        }
        return text.toString();
    }

    /** Rolls every die with {@code random}. */
    public Rolled roll(RandomGenerator random) {
        List<List<Integer>> faces = new ArrayList<>();
        long total = 0;
        for (Term term : terms) {
            List<Integer> each = new ArrayList<>();
            if (term.isNumber()) each.add(term.count());
            else for (int i = 0; i < term.count(); i++) each.add(1 + random.nextInt(term.sides()));
            long sum = each.stream().mapToLong(Integer::longValue).sum();
            total += term.minus() ? -sum : sum;
            faces.add(List.copyOf(each));
        }
        return new Rolled(this, List.copyOf(faces), total);
    }
}
