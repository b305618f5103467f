package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

/** See {@link Shelf}. */
@Entity(table = "boxes")
public class Box {
    @Id public Integer id;
    @Column(length = 40) public String label;
    @Column(length = 20) @ForeignKey("shelves.building") public String shelfBuilding;
    @Column @ForeignKey("shelves.number") public Integer shelfNumber;
    @Relationship(backPopulates = "boxes") public Shelf shelf;

    public Box() {
    }

    public Box(String label) {
        this.label = label;
    }
}
