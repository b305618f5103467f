package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.SqlType;

import java.util.List;
import java.util.Map;

@Entity(table = "articles")
public class Article {
    @Id public Integer id;
    @Column(type = SqlType.JSON) public List<String> tags;
    @Column(type = SqlType.JSON) public Map<String, Object> attributes;
    @Column(type = SqlType.JSON) public Dimensions size;

    /** A record stored as a JSON document. */
    public record Dimensions(int width, int height) {
    }
}
