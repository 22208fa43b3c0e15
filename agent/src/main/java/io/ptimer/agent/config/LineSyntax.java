package io.ptimer.agent.config;

/**
 * The two line forms of a configuration file, scanned by hand rather than with regular
 * expressions, whose compilation costs milliseconds before the host's {@code main}:
 * {@code modparam("module", "key", "value")} (the value quoted or a bare word, then an optional
 * {@code ;} and {@code # comment}) and {@code key = value}.
 */
final class LineSyntax {
    /** A {@code modparam} line's three parts. */
    record Modparam(String module, String key, String value) {
    }

    /** A {@code key = value} line's two parts, the value as written after the {@code =} and spaces. */
    record KeyValue(String key, String value) {
    }

    private final String line;
    private int at;

    private LineSyntax(String line) {
        this.line = line;
    }

    /** The parts of a whole {@code modparam(...)} line, or {@code null} when it is not one. */
    static Modparam modparam(String line) {
        LineSyntax s = new LineSyntax(line);
        if (!s.word("modparam") || !s.spaced('(')) {
            return null;
        }
        String module = s.quoted();
        if (module == null || !s.spaced(',')) {
            return null;
        }
        String key = s.quoted();
        if (key == null || !s.spaced(',')) {
            return null;
        }
        s.spaces();
        String value = s.peek() == '"' ? s.quoted() : s.bare();
        if (value == null || !s.spaced(')')) {
            return null;
        }
        s.spaces();
        if (s.peek() == ';') {
            s.at++;
        }
        s.spaces();
        return s.at == line.length() || s.peek() == '#' ? new Modparam(module, key, value) : null;
    }

    /** The parts of a whole {@code key = value} line, or {@code null} when it is not one. */
    static KeyValue keyValue(String line) {
        LineSyntax s = new LineSyntax(line);
        int start = s.at;
        char first = s.peek();
        if (!(isLetter(first) || first == '_')) {
            return null;
        }
        while (s.at < line.length() && (isLetter(s.peek()) || isDigit(s.peek()) || s.peek() == '_' || s.peek() == '.')) {
            s.at++;
        }
        String key = line.substring(start, s.at);
        if (!s.spaced('=')) {
            return null;
        }
        s.spaces();
        return new KeyValue(key, line.substring(s.at));
    }

    private boolean word(String w) {
        if (line.startsWith(w, at)) {
            at += w.length();
            return true;
        }
        return false;
    }

    /** Skips spaces, then takes {@code c}. */
    private boolean spaced(char c) {
        spaces();
        if (peek() == c) {
            at++;
            return true;
        }
        return false;
    }

    private String quoted() {
        spaces();
        if (peek() != '"') {
            return null;
        }
        int close = line.indexOf('"', at + 1);
        if (close < 0) {
            return null;
        }
        String text = line.substring(at + 1, close);
        at = close + 1;
        return text;
    }

    /** One or more characters other than spaces, quotes and parentheses. */
    private String bare() {
        int start = at;
        while (at < line.length() && !isSpace(peek()) && "\"()".indexOf(peek()) < 0) {
            at++;
        }
        return at > start ? line.substring(start, at) : null;
    }

    private void spaces() {
        while (at < line.length() && isSpace(line.charAt(at))) {
            at++;
        }
    }

    private char peek() {
        return at < line.length() ? line.charAt(at) : '\0';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
