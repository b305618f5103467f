package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

/** An unversioned counter row: its increments must use SQL-side updates. */
@Entity(table = "page_hits")
public class PageHits {
    @Id(generated = false) public Long id;
    @Column public int visitCount;
}
