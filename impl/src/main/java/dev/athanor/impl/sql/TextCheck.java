package dev.athanor.impl.sql;

import dev.athanor.impl.dialect.Dialect;

/**
 * Checks a string before it is bound: a lone surrogate (not well-formed UTF-16) cannot be encoded, and every driver
 * would silently replace it ({@code ?}); NUL (U+0000) cannot be stored where the dialect says so (PostgreSQL).
 * One pass over the characters, with two comparisons each in the common case.
 */
final class TextCheck {
    private TextCheck() {
    }

    /** Why {@code s} cannot be sent, or null if it can. */
    static String refusal(String s, Dialect dialect) {
        boolean nulAllowed = dialect.storesNulCharacters();
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "the string has a lone surrogate (\\u" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                        + ") at index " + i + ": it is not well-formed UTF-16 and cannot be encoded";
            }
            if (c == 0 && !nulAllowed) {
                return "the string has a NUL character (U+0000) at index " + i + ", which " + dialect.name()
                        + " text cannot hold";
            }
        }
        return null;
    }
}
