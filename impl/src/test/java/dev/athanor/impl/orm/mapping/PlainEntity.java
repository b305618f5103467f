package dev.athanor.impl.orm.mapping;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** An entity the generated populate serves: every field reachable, none deferred, JSON or an array. */
@Entity(table = "plain_entities")
class PlainEntity {
    enum Color { RED, GREEN }

    @Id
    Integer id;
    @Column
    private String name;
    @Column
    int count;
    @Column
    long total;
    @Column
    double ratio;
    @Column
    boolean flag;
    @Column
    short small;
    @Column
    Long boxed;
    @Column(precision = 10, scale = 2)
    BigDecimal price;
    @Column
    LocalDateTime at;
    @Column(length = 10)
    Color color;

    String name() {
        return name;
    }

    void name(String value) {
        this.name = value;
    }
}
