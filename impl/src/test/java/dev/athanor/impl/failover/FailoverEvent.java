package dev.athanor.impl.failover;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** One ORM transaction of the failover load: its id says which attempt wrote it. */
@Entity(table = "failover_events")
public class FailoverEvent {
    @Id public Long id;
    @Column public Integer worker;

    public FailoverEvent() {
    }

    public FailoverEvent(Long id, Integer worker) {
        this.id = id;
        this.worker = worker;
    }
}
