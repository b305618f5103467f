package dev.athanor.benchmarks.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Hibernate entity of {@code orm_insert_items} (the table of {@link OrmInsertItem}): an IDENTITY key, which turns Hibernate's insert batching off. */
@Entity
@Table(name = "orm_insert_items")
public class HibernateInsertItem {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;
    @Column(length = 50) public String name;
    public Integer quantity;
    @Column(precision = 12, scale = 2) public BigDecimal price;
    public LocalDateTime created;
    public Boolean active;

    public HibernateInsertItem() {
    }

    public HibernateInsertItem(String name, Integer quantity, BigDecimal price, LocalDateTime created, Boolean active) {
        this.name = name;
        this.quantity = quantity;
        this.price = price;
        this.created = created;
        this.active = active;
    }
}
