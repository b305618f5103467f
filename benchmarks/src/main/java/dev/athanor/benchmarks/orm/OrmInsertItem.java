package dev.athanor.benchmarks.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Athanor entity of the insert workload: emptied before every invocation. */
@Entity(table = "orm_insert_items")
public class OrmInsertItem {
    @Id public Integer id;
    @Column(length = 50) public String name;
    @Column public Integer quantity;
    @Column(precision = 12, scale = 2) public BigDecimal price;
    @Column public LocalDateTime created;
    @Column public Boolean active;

    public OrmInsertItem() {
    }

    public OrmInsertItem(String name, Integer quantity, BigDecimal price, LocalDateTime created, Boolean active) {
        this.name = name;
        this.quantity = quantity;
        this.price = price;
        this.created = created;
        this.active = active;
    }
}
