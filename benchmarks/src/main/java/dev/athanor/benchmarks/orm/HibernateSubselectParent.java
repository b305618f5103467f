package dev.athanor.benchmarks.orm;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench_parent} again, with {@code @Fetch(FetchMode.SUBSELECT)} on the collection: the first access to one
 * parent's children loads the children of every parent the query returned, in one statement whose WHERE repeats the
 * parents' query as a subquery ({@code parent_id in (select id from bench_parent)}). The other way Hibernate offers
 * to load a collection of many parents in one extra statement; measured beside {@link HibernateParent}'s
 * {@code @BatchSize}.
 */
@Entity
@Table(name = "bench_parent")
public class HibernateSubselectParent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Integer id;
    @Column(length = 50) public String name;
    @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL)
    @Fetch(FetchMode.SUBSELECT)
    public List<HibernateSubselectChild> children = new ArrayList<>();

    public HibernateSubselectParent() {
    }
}
