package dev.athanor.reliability;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The bad-input corpus of issue 15: injection strings, control characters and NUL, 4-byte UTF-8 and broken UTF-16,
 * over-long strings, NaN and infinities, extreme dates, huge numbers and binary, each aimed at one column of
 * {@link CorpusRow} ({@code s} VARCHAR(100), {@code t} TEXT, {@code n} NUMERIC(30, 6), {@code d} DOUBLE, {@code r}
 * REAL, {@code i} BIGINT, {@code dt} DATE, {@code ts} TIMESTAMP, {@code b} BLOB).
 */
final class BadInputCorpus {
    private BadInputCorpus() {
    }

    /** One value for one column. */
    record Case(String label, String column, Object value) {
        @Override
        public String toString() {
            return label + " -> " + column;
        }
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String[] injections = {"'; DROP TABLE corpus; --", "' OR '1'='1", "\" OR \"\"=\"", "1; SELECT pg_sleep(10)",
            "Robert'); DROP TABLE students;--", "\\'; --", "\\", "\\\\", "%", "_", "%_%", ":name", "::text", "?", "??",
            "$1", "$$ dollar $$", "${jndi:ldap://x/a}", "/* comment */", "-- comment", "`backtick`", "\"quoted\"",
            "a' || 'b", "CHAR(39)", "%27", "&#39;", "<script>alert(1)</script>", "'; EXEC xp_cmdshell('dir'); --",
            "UNION SELECT NULL, NULL --", "' AND SLEEP(5) AND '1'='1"};
        for (int k = 0; k < injections.length; k++) {
            cases.add(new Case("injection " + k, k % 2 == 0 ? "s" : "t", injections[k]));
        }
        String[][] texts = {
            {"empty", ""}, {"space", " "}, {"tab newline cr", "\t\n\r"}, {"NUL alone", "\u0000"},
            {"NUL inside", "a\u0000b"}, {"control characters", "\u0001\u001f\u007f"}, {"backspace form feed", "\b\f"},
            {"CRLF", "\r\n\r\n"}, {"emoji (4-byte UTF-8)", "\uD83D\uDE00"}, {"musical symbol (4-byte)", "\uD834\uDD1E music"},
            {"ZWJ family", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"}, {"CJK", "\u4E2D\u6587\u5B57\u7B26"},
            {"Arabic", "\u0627\u0644\u0639\u0631\u0628\u064A\u0629"}, {"right-to-left override", "\u202Eevil"},
            {"combining accent", "e\u0301"}, {"byte order mark", "\uFEFFbom"}, {"replacement character", "\uFFFD"},
            {"lone high surrogate", "\uD800"}, {"lone low surrogate", "x\uDC00y"}, {"math symbols", "\u03A9\u2248\u00E7\u221A\u222B"},
            {"case oddities", "\u01C5 \u00DF \u1E9E \u0130 \u0131"}};
        for (int k = 0; k < texts.length; k++) {
            cases.add(new Case(texts[k][0], k % 2 == 0 ? "s" : "t", texts[k][1]));
            cases.add(new Case(texts[k][0] + " (other column)", k % 2 == 0 ? "t" : "s", texts[k][1]));
        }
        cases.add(new Case("100 characters", "s", "x".repeat(100)));
        cases.add(new Case("101 characters", "s", "x".repeat(101)));
        cases.add(new Case("100 two-byte characters", "s", "\u00E9".repeat(100)));
        cases.add(new Case("100 emoji (400 bytes)", "s", "\uD83D\uDE00".repeat(100)));
        cases.add(new Case("100,000 characters in VARCHAR(100)", "s", "a".repeat(100_000)));
        cases.add(new Case("1,000,000 characters", "t", "y".repeat(1_000_000)));

        cases.add(new Case("zero", "n", BigDecimal.ZERO));
        cases.add(new Case("smallest step", "n", new BigDecimal("-0.000001")));
        cases.add(new Case("largest NUMERIC(30, 6)", "n", new BigDecimal("999999999999999999999999.999999")));
        cases.add(new Case("smallest NUMERIC(30, 6)", "n", new BigDecimal("-999999999999999999999999.999999")));
        cases.add(new Case("one digit too many", "n", new BigDecimal("1E+24")));
        cases.add(new Case("1E+100", "n", new BigDecimal("1E+100")));
        cases.add(new Case("10^40 as BigInteger", "n", BigInteger.TEN.pow(40)));
        cases.add(new Case("ordinary decimal", "n", new BigDecimal("123.456")));
        cases.add(new Case("NaN into NUMERIC", "n", Double.NaN));
        cases.add(new Case("infinity into NUMERIC", "n", Double.POSITIVE_INFINITY));
        cases.add(new Case("Long.MAX_VALUE", "i", Long.MAX_VALUE));
        cases.add(new Case("Long.MIN_VALUE", "i", Long.MIN_VALUE));
        cases.add(new Case("zero long", "i", 0L));
        cases.add(new Case("2^63", "i", BigInteger.TWO.pow(63)));
        cases.add(new Case("-2^63 - 1", "i", BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE)));
        cases.add(new Case("2^64", "i", BigInteger.TWO.pow(64)));
        double[] doubles = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, Double.MIN_NORMAL, -0.0, 0.1, 1e308,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.PI};
        for (double value : doubles) {
            cases.add(new Case("double " + value, "d", value));
        }
        float[] floats = {Float.MAX_VALUE, Float.MIN_NORMAL, 0.1f, Float.NaN, Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY};
        for (float value : floats) {
            cases.add(new Case("float " + value, "r", value));
        }
        LocalDate[] dates = {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(1970, 1, 1),
            LocalDate.of(2000, 2, 29), LocalDate.of(1582, 10, 10), LocalDate.of(1000, 1, 1), LocalDate.of(0, 1, 1),
            LocalDate.of(-4712, 1, 1), LocalDate.of(10000, 1, 1), LocalDate.MAX, LocalDate.MIN};
        for (LocalDate value : dates) {
            cases.add(new Case("date " + value, "dt", value));
        }
        LocalDateTime[] timestamps = {LocalDateTime.of(1, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
            LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(2038, 1, 19, 3, 14, 8),
            LocalDateTime.of(1900, 1, 1, 0, 0, 0, 123_456_000), LocalDateTime.of(1582, 10, 10, 12, 0), LocalDateTime.MAX};
        for (LocalDateTime value : timestamps) {
            cases.add(new Case("timestamp " + value, "ts", value));
        }
        byte[] all = new byte[256];
        for (int k = 0; k < 256; k++) {
            all[k] = (byte) k;
        }
        byte[] megabyte = new byte[1 << 20];
        new Random(15).nextBytes(megabyte);
        cases.add(new Case("empty binary", "b", new byte[0]));
        cases.add(new Case("zero byte", "b", new byte[] {0}));
        cases.add(new Case("0xFF", "b", new byte[] {(byte) 0xFF}));
        cases.add(new Case("all 256 byte values", "b", all));
        cases.add(new Case("injection as bytes", "b", "'; DROP TABLE corpus; --".getBytes(StandardCharsets.UTF_8)));
        cases.add(new Case("invalid UTF-8 bytes", "b", new byte[] {(byte) 0xC3, 0x28}));
        cases.add(new Case("one megabyte", "b", megabyte));
        return cases;
    }
}
