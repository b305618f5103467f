package dev.athanor.impl.pgbouncer;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** A row inserted by the ORM in each transaction of the PgBouncer load. */
@Entity(table = "bouncer_visits")
public class Visit {
    @Id public Integer id;
    @Column public Integer client;
    @Column(length = 40) public String note;

    public Visit() {
    }

    public Visit(Integer id, Integer client, String note) {
        this.id = id;
        this.client = client;
        this.note = note;
    }
}
