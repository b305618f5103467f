package dev.athanor.impl.routing;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** A row that says which server it was read from: each server's copy of the table holds different text. */
@Entity(table = "routing_notes")
public class Note {
    @Id public Integer id;
    @Column(length = 40) public String text;

    public Note() {
    }

    public Note(Integer id, String text) {
        this.id = id;
        this.text = text;
    }
}
