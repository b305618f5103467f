package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.List;

/** A composite primary key referred to by a composite foreign key; its boxes load eagerly (lazy = SELECTIN). */
@Entity(table = "shelves", primaryKey = {"building", "number"})
public class Shelf {
    @Column(length = 20) public String building;
    @Column public Integer number;
    @Relationship(backPopulates = "shelf", lazy = Relationship.Lazy.SELECTIN) public List<Box> boxes = new ArrayList<>();

    public Shelf() {
    }

    public Shelf(String building, int number) {
        this.building = building;
        this.number = number;
    }
}
