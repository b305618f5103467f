package dev.athanor.impl.pgbouncer;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** One client's running count, read and written back by the ORM in each of its transactions. */
@Entity(table = "bouncer_tallies")
public class Tally {
    @Id public Integer id;
    @Column public Integer n;

    public Tally() {
    }

    public Tally(Integer id, Integer n) {
        this.id = id;
        this.n = n;
    }
}
