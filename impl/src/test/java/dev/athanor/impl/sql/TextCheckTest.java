package dev.athanor.impl.sql;

import dev.athanor.impl.dialect.H2Dialect;
import dev.athanor.impl.dialect.MariaDBDialect;
import dev.athanor.impl.dialect.PostgreSQLDialect;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The string checks made before binding: surrogate pairs, lone surrogates wherever they are, NUL per dialect. */
class TextCheckTest {
    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void wellFormedStringsPass() {
        for (String s : new String[] {"", "ada", EMOJI, "a" + EMOJI + "b" + EMOJI, EMOJI + EMOJI, "\uFFFD\uE000"}) {
            assertThat(TextCheck.refusal(s, PostgreSQLDialect.INSTANCE)).as(s).isNull();
        }
    }

    @Test
    void loneSurrogatesAreFoundWhereverTheyAre() {
        assertThat(TextCheck.refusal("\uD83D", H2Dialect.INSTANCE)).contains("\\uD83D", "index 0");
        assertThat(TextCheck.refusal("ab\uD83D", H2Dialect.INSTANCE)).contains("index 2"); // high at the end
        assertThat(TextCheck.refusal("\uDE00" + EMOJI, H2Dialect.INSTANCE)).contains("\\uDE00", "index 0");
        assertThat(TextCheck.refusal(EMOJI + "\uDE00", MariaDBDialect.INSTANCE)).contains("index 2");
        assertThat(TextCheck.refusal(EMOJI + "x\uD83Dy", MariaDBDialect.INSTANCE)).contains("index 3");
        assertThat(TextCheck.refusal("\uD83D\uD83D\uDE00", MariaDBDialect.INSTANCE)).contains("index 0");
    }

    @Test
    void nulIsRefusedOnlyWhereTheDatabaseCannotStoreIt() {
        assertThat(TextCheck.refusal("a\u0000b", PostgreSQLDialect.INSTANCE)).contains("NUL", "index 1", "postgresql");
        assertThat(TextCheck.refusal("a\u0000b", H2Dialect.INSTANCE)).isNull();
        assertThat(TextCheck.refusal("a\u0000b", MariaDBDialect.INSTANCE)).isNull();
    }
}
