package org.tryst.world;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds what a player means by a few words, as MUDs do: the whole name (without "a", "an" or "the")
 * first, then a name one of whose words starts with them, when only one does.
 */
final class Matching {
    private Matching() {}

    static <T> Optional<T> find(List<T> candidates, String words, Function<T, String> name) {
        String wanted = bare(words);
        if (wanted.isEmpty()) return Optional.empty();
        Optional<T> exact = candidates.stream().filter(candidate -> bare(name.apply(candidate)).equals(wanted)).findFirst();
        if (exact.isPresent()) return exact;
        List<T> partial = candidates.stream().filter(candidate -> startsAWord(bare(name.apply(candidate)), wanted)).toList();
        return partial.size() == 1 ? Optional.of(partial.getFirst()) : Optional.empty();
    }

    private static boolean startsAWord(String name, String wanted) {
        if (name.startsWith(wanted)) return true;
        for (int space = name.indexOf(' '); space >= 0; space = name.indexOf(' ', space + 1)) {
            if (name.startsWith(wanted, space + 1)) return true;
        }
        return false;
    }

    private static String bare(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        for (String article : List.of("a ", "an ", "the ")) {
            if (lower.startsWith(article)) return lower.substring(article.length()).strip();
        }
        return lower;
    }
}
