package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

import java.util.ArrayList;
import java.util.List;

/** Photos go with their album through the database's ON DELETE CASCADE (passiveDeletes). */
@Entity(table = "albums")
public class Album {
    @Id public Integer id;
    @Column(length = 40) public String title;
    @Relationship(backPopulates = "album", cascadeDelete = true, passiveDeletes = true)
    public List<Photo> photos = new ArrayList<>();
}
