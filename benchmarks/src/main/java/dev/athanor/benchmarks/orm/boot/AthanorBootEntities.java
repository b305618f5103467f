package dev.athanor.benchmarks.orm.boot;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * 50 small Athanor entities for the boot benchmark (generated once by a script, committed): each has a
 * database-generated key and 5 columns, the same as {@link HibernateBootEntities}' 50 Hibernate entities.
 */
public final class AthanorBootEntities {
    private AthanorBootEntities() {
    }

    @Entity(table = "boot_01")
    public static class E01 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_02")
    public static class E02 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_03")
    public static class E03 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_04")
    public static class E04 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_05")
    public static class E05 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_06")
    public static class E06 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_07")
    public static class E07 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_08")
    public static class E08 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_09")
    public static class E09 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_10")
    public static class E10 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_11")
    public static class E11 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_12")
    public static class E12 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_13")
    public static class E13 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_14")
    public static class E14 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_15")
    public static class E15 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_16")
    public static class E16 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_17")
    public static class E17 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_18")
    public static class E18 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_19")
    public static class E19 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_20")
    public static class E20 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_21")
    public static class E21 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_22")
    public static class E22 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_23")
    public static class E23 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_24")
    public static class E24 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_25")
    public static class E25 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_26")
    public static class E26 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_27")
    public static class E27 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_28")
    public static class E28 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_29")
    public static class E29 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_30")
    public static class E30 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_31")
    public static class E31 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_32")
    public static class E32 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_33")
    public static class E33 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_34")
    public static class E34 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_35")
    public static class E35 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_36")
    public static class E36 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_37")
    public static class E37 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_38")
    public static class E38 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_39")
    public static class E39 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_40")
    public static class E40 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_41")
    public static class E41 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_42")
    public static class E42 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_43")
    public static class E43 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_44")
    public static class E44 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_45")
    public static class E45 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_46")
    public static class E46 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_47")
    public static class E47 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_48")
    public static class E48 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_49")
    public static class E49 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    @Entity(table = "boot_50")
    public static class E50 {
        @Id public Integer id;
        @Column(length = 50) public String name;
        @Column public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        @Column public LocalDateTime created;
        @Column public Boolean active;
    }

    /** The 50 classes. */
    public static final List<Class<?>> ALL = List.of(
            E01.class, E02.class, E03.class, E04.class, E05.class,
            E06.class, E07.class, E08.class, E09.class, E10.class,
            E11.class, E12.class, E13.class, E14.class, E15.class,
            E16.class, E17.class, E18.class, E19.class, E20.class,
            E21.class, E22.class, E23.class, E24.class, E25.class,
            E26.class, E27.class, E28.class, E29.class, E30.class,
            E31.class, E32.class, E33.class, E34.class, E35.class,
            E36.class, E37.class, E38.class, E39.class, E40.class,
            E41.class, E42.class, E43.class, E44.class, E45.class,
            E46.class, E47.class, E48.class, E49.class, E50.class);
}
