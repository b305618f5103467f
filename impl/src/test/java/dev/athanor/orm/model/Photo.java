package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;
import dev.athanor.schema.ReferentialAction;

/** See {@link Album}. */
@Entity(table = "photos")
public class Photo {
    @Id public Integer id;
    @Column(length = 40) public String file;
    @Column @ForeignKey(value = "albums.id", onDelete = ReferentialAction.CASCADE) public Integer albumId;
    @Relationship(backPopulates = "photos") public Album album;

    public Photo() {
    }

    public Photo(String file) {
        this.file = file;
    }
}
