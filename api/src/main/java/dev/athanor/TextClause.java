package dev.athanor;

import dev.athanor.spi.ParsedText;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A textual SQL statement with {@code :name} binds, made by {@link Sql#text(String)}. Immutable:
 * {@link #bindParams(Map)} returns a new clause with values bound in.
 *
 * <p>Binds follow SQLAlchemy's {@code text()}: {@code :name} anywhere outside quoted strings, quoted identifiers and
 * comments; {@code ::} casts are left alone; {@code \:} is a literal colon. A {@code Collection} value expands to a
 * list of binds, so {@code IN (:ids)} takes a {@code List}. Every value is sent as a JDBC bind parameter, never
 * spliced into the SQL.
 *
 * {@snippet :
 * TextClause stmt = text("SELECT x, y FROM some_table WHERE y > :y AND x IN (:xs)")
 *         .bindParams(Map.of("y", 6));
 * conn.execute(stmt, Map.of("xs", List.of(1, 2, 3)));
 * }
 */
public final class TextClause implements Executable {
    private final ParsedText parsed;
    private final Map<String, Object> boundValues;
    private final java.util.List<ExecutionOption> executionOptions;

    TextClause(String sql) {
        this(ParsedText.parse(sql), Map.of(), java.util.List.of());
    }

    private TextClause(ParsedText parsed, Map<String, Object> boundValues,
            java.util.List<ExecutionOption> executionOptions) {
        this.parsed = parsed;
        this.boundValues = boundValues;
        this.executionOptions = executionOptions;
    }

    /**
     * A new clause with these values bound; values given at execution override them.
     *
     * @throws ArgumentError if a name is not a bind of this text
     */
    public TextClause bindParams(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        Map<String, Object> merged = new LinkedHashMap<>(boundValues);
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (!parsed.distinctNames().contains(entry.getKey())) {
                throw new ArgumentError("this text() has no bind parameter named '" + entry.getKey()
                        + "'; its binds are " + parsed.distinctNames() + ": " + parsed.sql());
            }
            merged.put(entry.getKey(), entry.getValue());
        }
        return new TextClause(parsed, Collections.unmodifiableMap(merged), executionOptions);
    }

    /** As {@link #bindParams(Map)} for one value. */
    public TextClause bindParam(String name, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(name, value);
        return bindParams(one);
    }

    /** The SQL as written. */
    public String text() {
        return parsed.sql();
    }

    /** The distinct bind names, in order of first appearance. */
    public Set<String> bindNames() {
        return parsed.distinctNames();
    }

    /** The values bound with {@link #bindParams(Map)}. */
    public Map<String, Object> boundValues() {
        return boundValues;
    }

    /**
     * A copy with these execution options (SQLAlchemy's {@code execution_options}), e.g.
     * {@code text("SELECT ...").executionOptions(Routing.REPLICA)}; an option replaces one of the same class.
     */
    public TextClause executionOptions(ExecutionOption... newOptions) {
        return new TextClause(parsed, boundValues, ExecutionOption.merge(executionOptions, newOptions));
    }

    /** The execution options given, in order. */
    public java.util.List<ExecutionOption> executionOptions() {
        return executionOptions;
    }

    /** The parsed form (fragments and bind positions), for implementations. */
    public ParsedText parsed() {
        return parsed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextClause other && parsed.sql().equals(other.parsed.sql())
                && boundValues.equals(other.boundValues);
    }

    @Override
    public int hashCode() {
        return parsed.sql().hashCode() * 31 + boundValues.hashCode();
    }

    /** The SQL as written. */
    @Override
    public String toString() {
        return parsed.sql();
    }

}
