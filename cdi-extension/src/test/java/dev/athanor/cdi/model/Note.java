package dev.athanor.cdi.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** An entity found only through the index file (the test container has no bean discovery). */
@Entity(table = "cdi_notes")
public class Note {
    @Id
    public Long id;
    @Column(length = 100)
    public String text;

    public Note() {
    }

    public Note(String text) {
        this.text = text;
    }
}
