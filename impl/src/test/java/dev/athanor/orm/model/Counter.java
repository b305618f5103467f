package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Version;

/** A versioned row: optimistic locking. */
@Entity(table = "counters")
public class Counter {
    @Id(generated = false) public Long id;
    @Column public int visitCount;
    @Version public int version;
}
