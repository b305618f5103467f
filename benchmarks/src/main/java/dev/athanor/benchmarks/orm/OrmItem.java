package dev.athanor.benchmarks.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Athanor entity of the read workloads (load 1,000, get by primary key): 10,000 rows, never written. */
@Entity(table = "orm_items")
public class OrmItem {
    @Id public Integer id;
    @Column(length = 50) public String name;
    @Column public Integer quantity;
    @Column(precision = 12, scale = 2) public BigDecimal price;
    @Column public LocalDateTime created;
    @Column public Boolean active;

    public OrmItem() {
    }

    public OrmItem(String name, Integer quantity, BigDecimal price, LocalDateTime created, Boolean active) {
        this.name = name;
        this.quantity = quantity;
        this.price = price;
        this.created = created;
        this.active = active;
    }
}
