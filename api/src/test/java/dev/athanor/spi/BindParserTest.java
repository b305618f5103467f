package dev.athanor.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code :name} bind rules of text SQL (SQLAlchemy's text() with strings and comments skipped). */
class BindParserTest {

    @Test
    void namedBindsBecomePositionalPlaceholders() {
        ParsedText p = ParsedText.parse("SELECT x FROM t WHERE y > :y AND z = :z OR y < :y");
        assertThat(p.bindNames()).containsExactly("y", "z", "y");
        assertThat(p.distinctNames()).containsExactly("y", "z");
        assertThat(p.bindCount()).isEqualTo(3);
        assertThat(p.jdbcSql()).isEqualTo("SELECT x FROM t WHERE y > ? AND z = ? OR y < ?");
        assertThat(p.fragment(0)).isEqualTo("SELECT x FROM t WHERE y > ");
        assertThat(p.fragment(3)).isEmpty();
    }

    @Test
    void castsAndColonsInsideWordsAreNotBinds() {
        assertThat(ParsedText.parse("SELECT x::text, a:b FROM t WHERE y = :y::int").bindNames()).containsExactly("y");
        assertThat(ParsedText.parse("SELECT x::text, a:b FROM t WHERE y = :y::int").jdbcSql())
                .isEqualTo("SELECT x::text, a:b FROM t WHERE y = ?::int");
        assertThat(ParsedText.parse("SELECT :1, @v := 5").bindNames()).isEmpty();
    }

    @Test
    void stringsQuotedIdentifiersAndCommentsAreSkipped() {
        String sql = "SELECT ':no', 'it''s :no', \"col:no\", `c:no` -- :no here\n"
                + "FROM t /* :no */ WHERE a = :yes AND b = $$ :no $$ AND c = $tag$ :no $tag$";
        ParsedText p = ParsedText.parse(sql);
        assertThat(p.bindNames()).containsExactly("yes");
        assertThat(p.jdbcSql()).contains("':no'", "'it''s :no'", "\"col:no\"", "`c:no`", "-- :no here", "/* :no */",
                "$$ :no $$", "$tag$ :no $tag$").contains("a = ?");
    }

    @Test
    void backslashEscapesAColon() {
        ParsedText p = ParsedText.parse("SELECT '10' || \\:literal, :real");
        assertThat(p.bindNames()).containsExactly("real");
        assertThat(p.jdbcSql()).isEqualTo("SELECT '10' || :literal, ?");
    }

    @Test
    void bindAtTheEndAndUnterminatedQuotes() {
        assertThat(ParsedText.parse("DELETE FROM t WHERE id=:id").bindNames()).containsExactly("id");
        assertThat(ParsedText.parse("SELECT 'open :x").bindNames()).isEmpty();
    }

    @Test
    void parsesAreCachedByText() {
        assertThat(ParsedText.parse("SELECT :a")).isSameAs(ParsedText.parse("SELECT :a"));
    }
}
