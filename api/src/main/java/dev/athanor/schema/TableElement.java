package dev.athanor.schema;

/**
 * Something a table is made of: a column definition, a constraint or an index; given to
 * {@link MetaData#table(String, TableElement...)}.
 *
 * {@snippet :
 * metadata.table("orders", column("id", INTEGER).primaryKey(), uniqueConstraint("number"), index("ix_day", "day"));
 * }
 */
public interface TableElement {
}
