package org.tryst.world;

import java.util.Locale;

/**
 * A lock of a room (who may enter) or an exit (who may pass): terms joined by {@code &} (and),
 * {@code |} (or), {@code !} (not) and parentheses. Terms: {@code everyone}, {@code nobody},
 * {@code owner} (the room's owner), {@code builder}, {@code moderator}, {@code adult} (opted in to
 * adult areas), {@code carries:THING-ID} and {@code is:NAME} (a persona, by name).
 */
public sealed interface Lock {
    /** Whether the lock lets this persona through. */
    boolean admits(Key key);

    /** What a lock is tested against: the persona trying it and what it holds. */
    interface Key {
        boolean ownsRoom();

        boolean builds();

        boolean moderates();

        boolean adult();

        boolean carries(String thingId);

        /** Whether the persona's name is this one, in any case. */
        boolean named(String name);
    }

    /** Both sides hold. */
    record All(Lock left, Lock right) implements Lock {
        public boolean admits(Key key) {
            return left.admits(key) && right.admits(key);
        }
    }

    /** Either side holds. */
    record Any(Lock left, Lock right) implements Lock {
        public boolean admits(Key key) {
            return left.admits(key) || right.admits(key);
        }
    }

    /** The inner lock does not hold. */
    record Not(Lock inner) implements Lock {
        public boolean admits(Key key) {
            return !inner.admits(key);
        }
    }

    /** One term. */
    record Term(String word, String argument) implements Lock {
        public boolean admits(Key key) {
            return switch (word) {
                case "everyone" -> true;
                case "nobody" -> false;
                case "owner" -> key.ownsRoom();
                case "builder" -> key.builds();
                case "moderator" -> key.moderates();
                case "adult" -> key.adult();
                case "carries" -> key.carries(argument);
                case "is" -> key.named(argument);
                default -> throw new IllegalStateException("unparsed term " + word);
            };
        }
    }

    /** Parses a lock expression; an {@link InvalidWorld} says what is wrong with it. */
    static Lock parse(String expression) {
        Parser parser = new Parser(expression);
        Lock lock = parser.any();
        parser.skipSpaces();
        if (!parser.atEnd()) throw parser.wrong("unexpected \"" + expression.substring(parser.at) + "\"");
        return lock;
    }

    /** A recursive-descent parser: {@code any := all ('|' all)*}, {@code all := unary ('&' unary)*}, {@code unary := '!' unary | '(' any ')' | term}. */
    final class Parser {
        private final String text;
        private int at;
        private int depth;

        private Parser(String text) {
            this.text = text;
        }

        Lock any() {
            Lock lock = all();
            while (take('|')) lock = new Any(lock, all());
            return lock;
        }

        private Lock all() {
            Lock lock = unary();
            while (take('&')) lock = new All(lock, unary());
            return lock;
        }

        private Lock unary() {
            if (++depth > 32) throw wrong("a lock nests at most 32 deep");
            try {
                if (take('!')) return new Not(unary());
                if (take('(')) {
                    Lock inner = any();
                    if (!take(')')) throw wrong("a \"(\" is not closed");
                    return inner;
                }
                return term();
            } finally {
                depth--;
            }
        }

        private Lock term() {
            skipSpaces();
            int start = at;
            while (!atEnd() && "&|()!".indexOf(text.charAt(at)) < 0) at++;
            String term = text.substring(start, at).strip();
            if (term.isEmpty()) throw wrong("a term is missing at character " + (start + 1));
            int colon = term.indexOf(':');
            String word = (colon < 0 ? term : term.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
            String argument = colon < 0 ? null : term.substring(colon + 1).strip();
            boolean takesArgument = word.equals("carries") || word.equals("is");
            if (!java.util.Set.of("everyone", "nobody", "owner", "builder", "moderator", "adult", "carries", "is").contains(word)) {
                throw wrong("\"" + term + "\" is not a lock term (everyone, nobody, owner, builder, moderator, adult, carries:THING, is:NAME)");
            }
            if (takesArgument != (argument != null && !argument.isEmpty())) {
                throw wrong(takesArgument ? word + " needs a value, as in " + word + ":NAME" : word + " takes no value");
            }
            return new Term(word, argument);
        }

        private boolean take(char wanted) {
            skipSpaces();
            if (atEnd() || text.charAt(at) != wanted) return false;
            at++;
            return true;
        }

        void skipSpaces() {
            while (!atEnd() && text.charAt(at) == ' ') at++;
        }

        boolean atEnd() {
            return at >= text.length();
        }

        InvalidWorld wrong(String why) {
            return new InvalidWorld("lock \"" + text + "\": " + why);
        }
    }
}
