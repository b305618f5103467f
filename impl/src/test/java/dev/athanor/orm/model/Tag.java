package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;

import java.util.LinkedHashSet;
import java.util.Set;

/** A many-to-many whose association table no entity maps (the registry declares it), held in a Set. */
@Entity(table = "tags")
public class Tag {
    @Id public Integer id;
    @Column(length = 40) public String label;
    @Relationship(secondary = "article_tags") public Set<Article> articles = new LinkedHashSet<>();

    public Tag() {
    }

    public Tag(String label) {
        this.label = label;
    }
}
