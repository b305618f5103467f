package dev.athanor.impl.sql;

import dev.athanor.impl.dialect.Dialect;
import dev.athanor.schema.SqlType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the statement renderer writes. In render mode: SQL text, and for each {@code ?} (in text order) the ordinal
 * of its bind in visit order. In key mode: a list of structural tokens (constant fragments, identifiers, bind types)
 * that is the statement's cache key, and the bind values in visit order. Both modes are driven by the same
 * renderer, so the values collected by a cheap key walk always line up with the slots of the cached compilation.
 */
final class SqlWriter {
    private final Dialect dialect;
    private final boolean keyMode;
    private StringBuilder sql;
    private int[] slots = new int[8];
    private int slotCount;
    private final List<Object> tokens;
    private final List<Object> values;
    private int ordinal;

    private SqlWriter(Dialect dialect, boolean keyMode) {
        this.dialect = dialect;
        this.keyMode = keyMode;
        this.sql = keyMode ? null : new StringBuilder(128);
        this.tokens = keyMode ? new ArrayList<>(48) : null;
        this.values = keyMode ? new ArrayList<>(8) : null;
    }

    static SqlWriter forKey(Dialect dialect) {
        return new SqlWriter(dialect, true);
    }

    static SqlWriter forSql(Dialect dialect) {
        return new SqlWriter(dialect, false);
    }

    boolean keyMode() {
        return keyMode;
    }

    Dialect dialect() {
        return dialect;
    }

    /** A constant SQL fragment (keywords, punctuation). */
    SqlWriter text(String fragment) {
        if (keyMode) {
            tokens.add(fragment);
        } else {
            sql.append(fragment);
        }
        return this;
    }

    /** An identifier, quoted when the dialect requires it. */
    SqlWriter identifier(String name) {
        if (keyMode) {
            tokens.add(name);
        } else {
            sql.append(dialect.quoteIdentifier(name));
        }
        return this;
    }

    /** A structural fact that changes the SQL but is not text (an object's identity, a count). */
    void token(Object token) {
        if (keyMode) {
            tokens.add(token);
        }
    }

    /** A bound value; its SQL is {@code ?}, or the dialect's JSON bind for JSON columns. */
    SqlWriter bind(Object value, SqlType<?> type) {
        if (keyMode) {
            tokens.add(type.kind());
            values.add(value);
        } else {
            sql.append(type.kind() == SqlType.Kind.JSON ? dialect.jsonBindExpression() : "?");
            slot(ordinal);
        }
        ordinal++;
        return this;
    }

    /** A named parameter, valued at execution. */
    SqlWriter param(String name, SqlType<?> type) {
        if (keyMode) {
            tokens.add(ParamRef.class);
            tokens.add(name);
            values.add(new ParamRef(name));
        } else {
            sql.append(type.kind() == SqlType.Kind.JSON ? dialect.jsonBindExpression() : "?");
            slot(ordinal);
        }
        ordinal++;
        return this;
    }

    private void slot(int value) {
        if (slotCount == slots.length) {
            slots = Arrays.copyOf(slots, slotCount * 2);
        }
        slots[slotCount++] = value;
    }

    /** Text position, for {@link #insert}. */
    int mark() {
        return keyMode ? tokens.size() : sql.length();
    }

    int slotMark() {
        return slotCount;
    }

    /**
     * Moves what was written since {@code mark} (text and slots) to {@code position}: used to put a WITH clause,
     * rendered after the body that discovered its CTEs, in front of it.
     */
    void moveToFront(int position, int slotPosition, int mark, int slotMark) {
        if (keyMode) {
            return; // token order only has to be deterministic, not textual
        }
        String moved = sql.substring(mark);
        sql.setLength(mark);
        sql.insert(position, moved);
        int[] movedSlots = Arrays.copyOfRange(slots, slotMark, slotCount);
        System.arraycopy(slots, slotPosition, slots, slotPosition + movedSlots.length, slotMark - slotPosition);
        System.arraycopy(movedSlots, 0, slots, slotPosition, movedSlots.length);
    }

    String sql() {
        return sql.toString();
    }

    int[] slots() {
        return Arrays.copyOf(slots, slotCount);
    }

    List<Object> tokens() {
        return tokens;
    }

    List<Object> values() {
        return values;
    }
}
