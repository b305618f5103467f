package dev.athanor.benchmarks.orm;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The plain object the JDBC baselines read rows into and insert from: what an ORM gives, written by hand. */
public class JdbcItem {
    public Integer id;
    public String name;
    public Integer quantity;
    public BigDecimal price;
    public LocalDateTime created;
    public Boolean active;

    public JdbcItem() {
    }

    public JdbcItem(String name, Integer quantity, BigDecimal price, LocalDateTime created, Boolean active) {
        this.name = name;
        this.quantity = quantity;
        this.price = price;
        this.created = created;
        this.active = active;
    }
}
