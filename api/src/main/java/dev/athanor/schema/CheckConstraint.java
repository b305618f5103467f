package dev.athanor.schema;

/**
 * {@code CHECK (condition)}, the condition as SQL text; made by {@link Schema#checkConstraint(String)}.
 *
 * {@snippet :
 * metadata.table("accounts", column("balance", numeric(12, 2)), checkConstraint("balance >= 0").named("ck_balance"));
 * }
 *
 * @param name      the constraint name, or null
 * @param condition the SQL condition
 */
public record CheckConstraint(String name, String condition) implements TableElement {
    public CheckConstraint named(String constraintName) {
        return new CheckConstraint(constraintName, condition);
    }
}
