package dev.athanor.benchmarks.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Athanor entity of the relationship load workloads: 1,000 rows of {@code bench_parent}, never written. */
@Entity(table = "bench_parent")
public class OrmParent {
    @Id public Integer id;
    @Column(length = 50) public String name;
    @Relationship(backPopulates = "parent") public List<OrmChild> children = new ArrayList<>();

    public OrmParent() {
    }
}
