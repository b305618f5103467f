package dev.athanor.tck.cdi.model;

import dev.athanor.cdi.Database;
import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** The TCK's entity of the database named "orders": {@code @Database} on the class puts it there. */
@Entity(table = "tck_ledger")
@Database("orders")
public class Ledger {
    @Id
    public Long id;
    @Column(length = 50)
    public String entry;

    public Ledger() {
    }

    public Ledger(String entry) {
        this.entry = entry;
    }
}
