package dev.athanor.impl.dialect;

import java.util.Set;

import java.util.Locale;

/** H2 2.x: standard quoting with {@code "}, RETURNING through {@code FINAL TABLE}, upserts as MERGE, upper-case folding. */
public final class H2Dialect extends Dialect {
    public static final H2Dialect INSTANCE = new H2Dialect();

    private H2Dialect() {
    }

    @Override
    protected Set<String> reservedWords() {
        return ReservedWords.H2;
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    protected boolean hasArrays() {
        return true;
    }

    /** H2 has no RETURNING clause; data change delta tables ({@code FINAL TABLE}) return the rows instead. */
    @Override
    public boolean supportsReturning() {
        return false;
    }

    @Override
    public boolean supportsDeltaTables() {
        return true;
    }

    @Override
    public boolean supportsUpdateReturning() {
        return true;
    }

    @Override
    public boolean castsFunctionArgumentBinds() {
        return true;
    }

    @Override
    public UpsertStyle upsertStyle() {
        return UpsertStyle.MERGE;
    }

    @Override
    public boolean standardPaging() {
        return true;
    }

    @Override
    public String jsonBindExpression() {
        return "? FORMAT JSON";
    }

    @Override
    public String ddlType(TypeKind kind, Integer length, Integer precision, Integer scale) {
        return switch (kind) {
            case TEXT -> "CHARACTER LARGE OBJECT";
            case BLOB -> "BINARY LARGE OBJECT";
            default -> super.ddlType(kind, length, precision, scale);
        };
    }

    @Override
    protected boolean foldsToUpperCase() {
        return true;
    }

    /** H2 reports unquoted names in upper case; show them in lower case, as they were most likely written. */
    @Override
    public String normalizeLabel(String label) {
        return label.equals(label.toUpperCase(Locale.ROOT)) ? label.toLowerCase(Locale.ROOT) : label;
    }
}
