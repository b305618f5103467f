package dev.athanor.quickstart.guestbook;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** A guestbook entry. Not a bean: the extension finds it through the index the annotation processor writes. */
@Entity(table = "entries")
public class Entry {
    @Id
    public Long id;
    @Column(length = 40, nullable = false)
    public String author;
    @Column(length = 200, nullable = false)
    public String message;

    public Entry() {
    }

    public Entry(String author, String message) {
        this.author = author;
        this.message = message;
    }

    @Override
    public String toString() {
        return author + ": " + message;
    }
}
