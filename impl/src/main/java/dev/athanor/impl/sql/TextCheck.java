package dev.athanor.impl.sql;

import dev.athanor.impl.dialect.Dialect;

import java.util.Locale;

/**
 * Checks a string before it is bound: a lone surrogate (not well-formed UTF-16) cannot be encoded, and every driver
 * would silently replace it ({@code ?}); NUL (U+0000) cannot be stored where the dialect says so (PostgreSQL).
 * Kept cheap because every string parameter passes here: NUL is found with {@code indexOf} (an intrinsic), and the
 * surrogate scan is one mask test a character until it meets a surrogate (BindCheckBenchmark in benchmarks/).
 */
final class TextCheck {
    private TextCheck() {
    }

    /** Why {@code s} cannot be sent, or null if it can. */
    static String refusal(String s, Dialect dialect) {
        if (!dialect.storesNulCharacters()) {
            int nul = s.indexOf('\0');
            if (nul >= 0) {
                return "the string has a NUL character (U+0000) at index " + nul + ", which " + dialect.name()
                        + " text cannot hold";
            }
        }
        int length = s.length();
        for (int i = 0; i < length; i++) {
            if ((s.charAt(i) & 0xF800) == 0xD800) {
                return surrogates(s, i);
            }
        }
        return null;
    }

    /** From the first surrogate at {@code from}: null if every surrogate is half of a pair, else why not. */
    private static String surrogates(String s, int from) {
        int length = s.length();
        for (int i = from; i < length; i++) {
            char c = s.charAt(i);
            if ((c & 0xF800) != 0xD800) {
                continue; // not a surrogate
            }
            if (c < 0xDC00 && i + 1 < length && (s.charAt(i + 1) & 0xFC00) == 0xDC00) {
                i++; // a high surrogate followed by a low one: a pair
                continue;
            }
            return "the string has a lone surrogate (\\u" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                    + ") at index " + i + ": it is not well-formed UTF-16 and cannot be encoded";
        }
        return null;
    }
}
