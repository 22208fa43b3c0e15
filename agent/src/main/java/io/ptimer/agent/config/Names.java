package io.ptimer.agent.config;

/**
 * What a name in a configuration may be, checked by hand: a regular expression would cost
 * milliseconds of compilation before the host's {@code main}.
 */
public final class Names {
    /** What {@link #isName} allows, for messages. */
    public static final String CHARACTERS = "letters, digits, '_', '.' and '-'";

    private Names() {
    }

    /**
     * A required name that {@link #isName} allows.
     *
     * @throws X made by {@code refusal}: {@code name is required}, or what the name may use
     */
    public static <X extends Exception> String require(String name, Refusal<X> refusal) throws X {
        if (name == null || name.isEmpty()) {
            throw refusal.error("name is required");
        }
        if (!isName(name)) {
            throw refusal.error("name \"" + name + "\" may use only " + CHARACTERS);
        }
        return name;
    }

    /**
     * The constant among {@code values} whose name is {@code text}, in any case, blanks around it
     * ignored; {@code null} when there is none.
     */
    public static <E extends Enum<E>> E constant(E[] values, String text) {
        String name = text.trim();
        for (E e : values) {
            if (e.name().equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    /** A timer's, group's or thread's name: one or more of letters, digits, {@code _ . -}. */
    public static boolean isName(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A Java identifier, or with {@code dotted} a binary class name: identifiers joined by dots. */
    public static boolean isJavaName(String s, boolean dotted) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (dotted && c == '.' && !start) {
                start = true;
            } else if (start ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
                start = false;
            } else {
                return false;
            }
        }
        return !start;
    }

    /** Digits with an optional {@code u} after them, spaces around allowed: rtimer's microsecond interval. */
    public static boolean isMicros(String s) {
        String t = s.strip();
        if (t.length() < 2 || t.charAt(t.length() - 1) != 'u') {
            return false;
        }
        String digits = t.substring(0, t.length() - 1).strip();
        if (digits.isEmpty()) {
            return false;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
