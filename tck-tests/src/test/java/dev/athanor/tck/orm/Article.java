package dev.athanor.tck.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.SqlType;

import java.util.List;

@Entity(table = "articles")
public class Article {
    @Id public Integer id;
    @Column(type = SqlType.JSON) public List<String> tags;              // JSON / JSONB column
}
