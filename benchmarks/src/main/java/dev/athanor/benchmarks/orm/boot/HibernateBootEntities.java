package dev.athanor.benchmarks.orm.boot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * 50 small Hibernate entities for the boot benchmark (generated once by a script, committed): each has an IDENTITY
 * key and 5 columns, the same as {@link AthanorBootEntities}' 50 Athanor entities.
 */
public final class HibernateBootEntities {
    private HibernateBootEntities() {
    }

    @Entity(name = "H01")
    @Table(name = "boot_01")
    public static class H01 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H02")
    @Table(name = "boot_02")
    public static class H02 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H03")
    @Table(name = "boot_03")
    public static class H03 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H04")
    @Table(name = "boot_04")
    public static class H04 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H05")
    @Table(name = "boot_05")
    public static class H05 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H06")
    @Table(name = "boot_06")
    public static class H06 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H07")
    @Table(name = "boot_07")
    public static class H07 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H08")
    @Table(name = "boot_08")
    public static class H08 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H09")
    @Table(name = "boot_09")
    public static class H09 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H10")
    @Table(name = "boot_10")
    public static class H10 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H11")
    @Table(name = "boot_11")
    public static class H11 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H12")
    @Table(name = "boot_12")
    public static class H12 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H13")
    @Table(name = "boot_13")
    public static class H13 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H14")
    @Table(name = "boot_14")
    public static class H14 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H15")
    @Table(name = "boot_15")
    public static class H15 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H16")
    @Table(name = "boot_16")
    public static class H16 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H17")
    @Table(name = "boot_17")
    public static class H17 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H18")
    @Table(name = "boot_18")
    public static class H18 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H19")
    @Table(name = "boot_19")
    public static class H19 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H20")
    @Table(name = "boot_20")
    public static class H20 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H21")
    @Table(name = "boot_21")
    public static class H21 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H22")
    @Table(name = "boot_22")
    public static class H22 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H23")
    @Table(name = "boot_23")
    public static class H23 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H24")
    @Table(name = "boot_24")
    public static class H24 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H25")
    @Table(name = "boot_25")
    public static class H25 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H26")
    @Table(name = "boot_26")
    public static class H26 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H27")
    @Table(name = "boot_27")
    public static class H27 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H28")
    @Table(name = "boot_28")
    public static class H28 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H29")
    @Table(name = "boot_29")
    public static class H29 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H30")
    @Table(name = "boot_30")
    public static class H30 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H31")
    @Table(name = "boot_31")
    public static class H31 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H32")
    @Table(name = "boot_32")
    public static class H32 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H33")
    @Table(name = "boot_33")
    public static class H33 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H34")
    @Table(name = "boot_34")
    public static class H34 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H35")
    @Table(name = "boot_35")
    public static class H35 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H36")
    @Table(name = "boot_36")
    public static class H36 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H37")
    @Table(name = "boot_37")
    public static class H37 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H38")
    @Table(name = "boot_38")
    public static class H38 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H39")
    @Table(name = "boot_39")
    public static class H39 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H40")
    @Table(name = "boot_40")
    public static class H40 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H41")
    @Table(name = "boot_41")
    public static class H41 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H42")
    @Table(name = "boot_42")
    public static class H42 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H43")
    @Table(name = "boot_43")
    public static class H43 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H44")
    @Table(name = "boot_44")
    public static class H44 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H45")
    @Table(name = "boot_45")
    public static class H45 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H46")
    @Table(name = "boot_46")
    public static class H46 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H47")
    @Table(name = "boot_47")
    public static class H47 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H48")
    @Table(name = "boot_48")
    public static class H48 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H49")
    @Table(name = "boot_49")
    public static class H49 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    @Entity(name = "H50")
    @Table(name = "boot_50")
    public static class H50 {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer id;
        @Column(length = 50) public String name;
        public Integer quantity;
        @Column(precision = 12, scale = 2) public BigDecimal price;
        public LocalDateTime created;
        public Boolean active;
    }

    /** The 50 classes. */
    public static final List<Class<?>> ALL = List.of(
            H01.class, H02.class, H03.class, H04.class, H05.class,
            H06.class, H07.class, H08.class, H09.class, H10.class,
            H11.class, H12.class, H13.class, H14.class, H15.class,
            H16.class, H17.class, H18.class, H19.class, H20.class,
            H21.class, H22.class, H23.class, H24.class, H25.class,
            H26.class, H27.class, H28.class, H29.class, H30.class,
            H31.class, H32.class, H33.class, H34.class, H35.class,
            H36.class, H37.class, H38.class, H39.class, H40.class,
            H41.class, H42.class, H43.class, H44.class, H45.class,
            H46.class, H47.class, H48.class, H49.class, H50.class);
}
