package dev.athanor.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * A mapped column (SQLAlchemy's {@code mapped_column}). The SQL type follows the Java type unless {@link #type()}
 * says otherwise: {@code String} VARCHAR, {@code Integer/int} INTEGER, {@code Long} BIGINT, {@code Short} SMALLINT,
 * {@code Boolean} BOOLEAN, {@code Double} DOUBLE, {@code Float} REAL, {@code BigDecimal} NUMERIC,
 * {@code LocalDate} DATE, {@code LocalTime} TIME, {@code LocalDateTime} TIMESTAMP, {@code OffsetDateTime}/
 * {@code Instant} TIMESTAMP WITH TIME ZONE, {@code UUID} UUID, {@code byte[]} BLOB, enums VARCHAR with a CHECK of
 * the constant names. Records, lists and maps need {@code type = SqlType.JSON}.
 *
 * {@snippet :
 * @Column(length = 30, index = true) public String name;
 * @Column(type = SqlType.TEXT, deferred = true) private String description;
 * @Column(insertDefault = Now.class) public LocalDateTime timeCreated;
 * @Column(insertDefaultValue = "0") public int visitCount;
 * @Column(serverDefault = "CURRENT_TIMESTAMP") public OffsetDateTime timeRegistered;
 * @Column(onUpdate = "CURRENT_TIMESTAMP") public OffsetDateTime timeUpdated;
 * @Column(type = SqlType.JSON) public List<String> tags;
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Column {

    /** The column name; by default the field name in snake_case ({@code timeCreated} → {@code time_created}). */
    String name() default "";

    /** The SQL type; {@link SqlType#AUTO} derives it from the field's Java type. */
    SqlType type() default SqlType.AUTO;

    /** VARCHAR length (0: the database's unbounded VARCHAR). */
    int length() default 0;

    /** NUMERIC precision and scale (0: unspecified). */
    int precision() default 0;

    int scale() default 0;

    /** Whether NULL is allowed; primitives and primary keys are NOT NULL whatever this says. */
    boolean nullable() default true;

    /** A single-column unique constraint. */
    boolean unique() default false;

    /** A single-column index ({@code ix_<table>_<column>}). */
    boolean index() default false;

    /**
     * A Java-side default evaluated at INSERT when the field is null: a {@code Supplier} class with a no-argument
     * constructor, such as {@link Now}. Its value is converted to the field's type.
     */
    @SuppressWarnings("rawtypes")
    Class<? extends Supplier> insertDefault() default Supplier.class;

    /** A literal Java-side default, converted to the field's type ({@code "0"}, {@code "true"}, an enum name). */
    String insertDefaultValue() default "";

    /** A server default: SQL text put in the DDL ({@code DEFAULT CURRENT_TIMESTAMP}); read back after INSERT. */
    String serverDefault() default "";

    /**
     * SQL text set by every UPDATE of the row ({@code CURRENT_TIMESTAMP}); the new value is read back at flush.
     * Written by the application's developer, never from user input: it is SQL.
     */
    String onUpdate() default "";

    /** Left out of the entity's SELECT; loaded on the first call of the field's getter ({@code getDescription()}). */
    boolean deferred() default false;
}
