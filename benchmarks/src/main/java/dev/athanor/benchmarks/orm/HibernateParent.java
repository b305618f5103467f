package dev.athanor.benchmarks.orm;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.util.ArrayList;
import java.util.List;

/**
 * Hibernate entity of {@code bench_parent} (the table of {@link OrmParent}): the collection is lazy (JPA's default
 * for {@code @OneToMany}) with {@code @BatchSize(size = 500)}, so that the first access to one parent's children
 * loads the children of up to 500 parents of the session in one statement (Hibernate's counterpart of
 * {@code selectinLoad}); {@code left join fetch p.children} loads them in the parents' statement.
 */
@Entity
@Table(name = "bench_parent")
public class HibernateParent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;
    @Column(length = 50) public String name;
    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL)
    @BatchSize(size = 500)
    public List<HibernateChild> children = new ArrayList<>();

    public HibernateParent() {
    }
}
