package dev.athanor;

import dev.athanor.spi.ParsedText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code :name} bind rules of {@link ParsedText}: what is a bind, what is left alone (casts, quoted text,
 * comments, dollar quotes), and the fragments and JDBC SQL built from a text.
 */
class ParsedTextTest {

    private static ParsedText parse(String sql) {
        return ParsedText.parse(sql);
    }

    @Test
    void aNamedBindBecomesAQuestionMark() {
        ParsedText p = parse("SELECT * FROM users WHERE id = :id");
        assertThat(p.bindNames()).containsExactly("id");
        assertThat(p.distinctNames()).containsExactly("id");
        assertThat(p.bindCount()).isEqualTo(1);
        assertThat(p.bindName(0)).isEqualTo("id");
        assertThat(p.jdbcSql()).isEqualTo("SELECT * FROM users WHERE id = ?");
        assertThat(p.sql()).isEqualTo("SELECT * FROM users WHERE id = :id");
        assertThat(p).hasToString("SELECT * FROM users WHERE id = :id");
    }

    @Test
    void namesMayHoldLettersDigitsAndUnderscores() {
        ParsedText p = parse("VALUES (:first_name, :x2, :_private, :CamelCase)");
        assertThat(p.bindNames()).containsExactly("first_name", "x2", "_private", "CamelCase");
        assertThat(p.jdbcSql()).isEqualTo("VALUES (?, ?, ?, ?)");
    }

    @Test
    void fragmentsLieBetweenTheBinds() {
        ParsedText p = parse("SELECT :a, x + :b FROM t WHERE y = :c ORDER BY 1");
        assertThat(p.bindCount()).isEqualTo(3);
        assertThat(p.fragment(0)).isEqualTo("SELECT ");
        assertThat(p.fragment(1)).isEqualTo(", x + ");
        assertThat(p.fragment(2)).isEqualTo(" FROM t WHERE y = ");
        assertThat(p.fragment(3)).isEqualTo(" ORDER BY 1");
        assertThat(p.jdbcSql()).isEqualTo(p.fragment(0) + "?" + p.fragment(1) + "?" + p.fragment(2) + "?" + p.fragment(3));
    }

    @Test
    void aTextWithoutBindsIsOneFragment() {
        ParsedText p = parse("SELECT 1");
        assertThat(p.bindCount()).isZero();
        assertThat(p.bindNames()).isEmpty();
        assertThat(p.distinctNames()).isEmpty();
        assertThat(p.fragment(0)).isEqualTo("SELECT 1");
        assertThat(p.jdbcSql()).isEqualTo("SELECT 1");
    }

    @Test
    void aNameAtTheVeryEndOfTheTextIsABind() {
        ParsedText p = parse("DELETE FROM t WHERE id=:id");
        assertThat(p.bindNames()).containsExactly("id");
        assertThat(p.jdbcSql()).isEqualTo("DELETE FROM t WHERE id=?");
        assertThat(p.fragment(1)).isEmpty();
        assertThat(parse(":only").jdbcSql()).isEqualTo("?");
        assertThat(parse(":only").fragment(0)).isEmpty();
    }

    @Test
    void aRepeatedNameIsOneBindPerPosition() {
        ParsedText p = parse("SELECT * FROM t WHERE a = :x OR b = :y OR c = :x");
        assertThat(p.bindNames()).containsExactly("x", "y", "x");
        assertThat(p.distinctNames()).containsExactly("x", "y");
        assertThat(p.bindCount()).isEqualTo(3);
        assertThat(p.jdbcSql()).isEqualTo("SELECT * FROM t WHERE a = ? OR b = ? OR c = ?");
    }

    @Test
    void postgresqlCastsAreNotBinds() {
        ParsedText p = parse("SELECT x::text, y::int FROM t");
        assertThat(p.bindNames()).isEmpty();
        assertThat(p.jdbcSql()).isEqualTo("SELECT x::text, y::int FROM t");
    }

    @Test
    void aBindFollowedByACastIsABind() {
        ParsedText p = parse("SELECT :v::text, :w::int + 1");
        assertThat(p.bindNames()).containsExactly("v", "w");
        assertThat(p.jdbcSql()).isEqualTo("SELECT ?::text, ?::int + 1");
    }

    @Test
    void aColonInsideAWordIsNotABind() {
        assertThat(parse("SELECT a:b FROM t").bindNames()).isEmpty();
        assertThat(parse("SELECT a:b FROM t").jdbcSql()).isEqualTo("SELECT a:b FROM t");
        assertThat(parse("SELECT x FROM t WHERE ts = 'now' AND a:b:c = 1").bindNames()).isEmpty();
        assertThat(parse("SELECT arr[1:n] FROM t").bindNames()).isEmpty();
    }

    @Test
    void aNameFollowedByASingleColonIsNotABind() {
        assertThat(parse("SELECT :a:b").bindNames()).isEmpty();
        assertThat(parse("SELECT :a:b").jdbcSql()).isEqualTo("SELECT :a:b");
    }

    @Test
    void aColonFollowedByADigitIsNotABind() {
        ParsedText p = parse("SELECT :1, :2x, ?");
        assertThat(p.bindNames()).isEmpty();
        assertThat(p.jdbcSql()).isEqualTo("SELECT :1, :2x, ?");
    }

    @Test
    void aLoneColonOrAssignmentIsNotABind() {
        assertThat(parse("SELECT @v := 5").bindNames()).isEmpty();
        assertThat(parse("SELECT @v := 5").jdbcSql()).isEqualTo("SELECT @v := 5");
        assertThat(parse("SELECT 1 :").bindNames()).isEmpty();
        assertThat(parse("SELECT : x").bindNames()).isEmpty();
    }

    @Test
    void singleQuotedStringsAreSkipped() {
        ParsedText p = parse("SELECT ':no', 'a :no b' FROM t WHERE x = :yes");
        assertThat(p.bindNames()).containsExactly("yes");
        assertThat(p.jdbcSql()).isEqualTo("SELECT ':no', 'a :no b' FROM t WHERE x = ?");
    }

    @Test
    void doubledQuotesStayInsideTheString() {
        ParsedText p = parse("SELECT 'it''s :no', '''', ''':no''' WHERE x = :yes AND y = ''");
        assertThat(p.bindNames()).containsExactly("yes");
        assertThat(p.jdbcSql()).isEqualTo("SELECT 'it''s :no', '''', ''':no''' WHERE x = ? AND y = ''");
    }

    @Test
    void anEmptyStringDoesNotHideTheNextBind() {
        ParsedText p = parse("SELECT '' || :a || ''");
        assertThat(p.bindNames()).containsExactly("a");
        assertThat(p.jdbcSql()).isEqualTo("SELECT '' || ? || ''");
    }

    @Test
    void doubleQuotedIdentifiersAreSkipped() {
        ParsedText p = parse("SELECT \"col:no\", \"a\"\":no\" FROM \"t:x\" WHERE \"id\" = :id");
        assertThat(p.bindNames()).containsExactly("id");
        assertThat(p.jdbcSql()).isEqualTo("SELECT \"col:no\", \"a\"\":no\" FROM \"t:x\" WHERE \"id\" = ?");
    }

    @Test
    void backTickedIdentifiersAreSkipped() {
        ParsedText p = parse("SELECT `c:no`, `a``:no` FROM `t` WHERE `id` = :id");
        assertThat(p.bindNames()).containsExactly("id");
        assertThat(p.jdbcSql()).isEqualTo("SELECT `c:no`, `a``:no` FROM `t` WHERE `id` = ?");
    }

    @Test
    void lineCommentsAreSkippedToTheEndOfTheLine() {
        ParsedText p = parse("SELECT x -- where :no is\nFROM t WHERE y = :yes -- :no again");
        assertThat(p.bindNames()).containsExactly("yes");
        assertThat(p.jdbcSql()).isEqualTo("SELECT x -- where :no is\nFROM t WHERE y = ? -- :no again");
    }

    @Test
    void blockCommentsAreSkipped() {
        ParsedText p = parse("SELECT /* :no\n :no */ x FROM t /*:no*/ WHERE y = :yes");
        assertThat(p.bindNames()).containsExactly("yes");
        assertThat(p.jdbcSql()).isEqualTo("SELECT /* :no\n :no */ x FROM t /*:no*/ WHERE y = ?");
    }

    @Test
    void aSingleDashOrSlashIsNotAComment() {
        ParsedText p = parse("SELECT 4 - :a / :b");
        assertThat(p.bindNames()).containsExactly("a", "b");
        assertThat(p.jdbcSql()).isEqualTo("SELECT 4 - ? / ?");
    }

    @Test
    void dollarQuotesAreSkipped() {
        ParsedText p = parse("SELECT $$ :no ' \" $$, $tag$ :no $$ :no $tag$, $a1$ :no $a1$ WHERE x = :yes");
        assertThat(p.bindNames()).containsExactly("yes");
        assertThat(p.jdbcSql())
                .isEqualTo("SELECT $$ :no ' \" $$, $tag$ :no $$ :no $tag$, $a1$ :no $a1$ WHERE x = ?");
    }

    @Test
    void dollarSignsThatAreNotQuotesLeaveBindsAlone() {
        // $1 is a PostgreSQL positional parameter and a$b an identifier: neither opens a dollar quote
        ParsedText p = parse("SELECT $1, a$b, :x, c$ FROM t WHERE y = :y");
        assertThat(p.bindNames()).containsExactly("x", "y");
        assertThat(p.jdbcSql()).isEqualTo("SELECT $1, a$b, ?, c$ FROM t WHERE y = ?");
    }

    @Test
    void aBackslashEscapesAColon() {
        ParsedText p = parse("SELECT \\:literal, x\\:\\:int, :real");
        assertThat(p.bindNames()).containsExactly("real");
        assertThat(p.jdbcSql()).isEqualTo("SELECT :literal, x::int, ?");
        assertThat(p.fragment(0)).isEqualTo("SELECT :literal, x::int, ");
        assertThat(p.sql()).isEqualTo("SELECT \\:literal, x\\:\\:int, :real");
    }

    @Test
    void aBackslashBeforeAnythingElseIsKept() {
        ParsedText p = parse("SELECT 'a\\b', E'\\n' FROM t WHERE x = :x");
        assertThat(p.jdbcSql()).isEqualTo("SELECT 'a\\b', E'\\n' FROM t WHERE x = ?");
    }

    @Test
    void unterminatedQuotesAndCommentsRunToTheEnd() {
        assertThat(parse("SELECT 'open :x").bindNames()).isEmpty();
        assertThat(parse("SELECT \"open :x").bindNames()).isEmpty();
        assertThat(parse("SELECT /* open :x").bindNames()).isEmpty();
        assertThat(parse("SELECT $$ open :x").bindNames()).isEmpty();
        assertThat(parse("SELECT 'open :x").jdbcSql()).isEqualTo("SELECT 'open :x");
    }

    @Test
    void everythingTogether() {
        String sql = "SELECT x::text, ':no' AS \"a:b\", `c:d` -- :no\n"
                + "FROM t /* :no */ WHERE y > :y AND z IN (:zs) AND w = :y::int AND q = $$:no$$ AND r = \\:lit";
        ParsedText p = parse(sql);
        assertThat(p.bindNames()).containsExactly("y", "zs", "y");
        assertThat(p.distinctNames()).containsExactly("y", "zs");
        assertThat(p.jdbcSql()).isEqualTo("SELECT x::text, ':no' AS \"a:b\", `c:d` -- :no\n"
                + "FROM t /* :no */ WHERE y > ? AND z IN (?) AND w = ?::int AND q = $$:no$$ AND r = :lit");
    }

    @Test
    void theListsHandedOutAreReadOnly() {
        ParsedText p = parse("SELECT :a, :b");
        assertThatThrownBy(() -> p.bindNames().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.distinctNames().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullSqlIsAnArgumentError() {
        assertThatThrownBy(() -> ParsedText.parse(null)).isInstanceOf(ArgumentError.class);
    }

    @Test
    void textClausesUseTheSameRules() {
        TextClause t = Sql.text("SELECT x::int FROM t WHERE a = :a AND b = ':no' AND c = :a");
        assertThat(t.bindNames()).containsExactly("a");
        assertThat(t.parsed().jdbcSql()).isEqualTo("SELECT x::int FROM t WHERE a = ? AND b = ':no' AND c = ?");
        assertThat(t.text()).isEqualTo("SELECT x::int FROM t WHERE a = :a AND b = ':no' AND c = :a");
    }
}
