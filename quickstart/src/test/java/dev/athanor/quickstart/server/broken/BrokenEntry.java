package dev.athanor.quickstart.server.broken;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;

/** An entity that cannot be mapped (no primary key, a field of no SQL type): its WAR must not deploy. */
@Entity(table = "broken_entries")
public class BrokenEntry {
    @Column
    public String text;
    @Column
    public Thread worker;
}
