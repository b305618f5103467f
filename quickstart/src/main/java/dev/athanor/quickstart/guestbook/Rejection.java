package dev.athanor.quickstart.guestbook;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** A refused signature, kept even though the transaction that refused it rolled back (see {@link Rejections}). */
@Entity(table = "rejections")
public class Rejection {
    @Id
    public Long id;
    @Column(length = 40, nullable = false)
    public String author;
    @Column(length = 200, nullable = false)
    public String reason;

    public Rejection() {
    }

    public Rejection(String author, String reason) {
        this.author = author;
        this.reason = reason;
    }
}
