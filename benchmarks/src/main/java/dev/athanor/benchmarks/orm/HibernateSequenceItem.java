package dev.athanor.benchmarks.orm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The fairness extra of the insert workload: Hibernate with the key from a SEQUENCE (JPA's default allocation size,
 * 50: one {@code nextval} per 50 rows, pooled optimizer), which lets Hibernate batch its INSERTs, as it cannot with an
 * IDENTITY key. Table {@code orm_insert_seq} (same columns as {@code orm_insert_items}, plain primary key) and sequence
 * {@code orm_insert_seq_id_seq} (INCREMENT BY 50) are created by hand by {@code OrmDatabase}.
 */
@Entity
@Table(name = "orm_insert_seq")
public class HibernateSequenceItem {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orm_insert_seq_gen")
    @SequenceGenerator(name = "orm_insert_seq_gen", sequenceName = "orm_insert_seq_id_seq", allocationSize = 50)
    public Integer id;
    @Column(length = 50) public String name;
    public Integer quantity;
    @Column(precision = 12, scale = 2) public BigDecimal price;
    public LocalDateTime created;
    public Boolean active;

    public HibernateSequenceItem() {
    }

    public HibernateSequenceItem(String name, Integer quantity, BigDecimal price, LocalDateTime created,
            Boolean active) {
        this.name = name;
        this.quantity = quantity;
        this.price = price;
        this.created = created;
        this.active = active;
    }
}
