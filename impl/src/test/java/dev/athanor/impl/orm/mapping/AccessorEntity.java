package dev.athanor.impl.orm.mapping;

import dev.athanor.impl.orm.mapping.fixture.AuditedRecord;
import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** Fields of every visibility, primitive and boxed, and a private constructor (EntityAccessorTest). */
@Entity(table = "accessor_entities")
class AccessorEntity extends AuditedRecord {
    @Id
    private Integer id;
    @Column
    private String name;
    @Column
    int count;
    @Column
    protected long total;
    @Column
    public boolean flag;
    @Column
    private double ratio;
    @Column
    private short small;
    @Column
    private byte tiny;
    @Column
    private float weight;
    @Column
    private Long boxedTotal;
    @Column(precision = 10, scale = 2)
    private BigDecimal price;
    @Column
    private byte[] data;
    @Column
    private LocalDateTime at;

    private AccessorEntity() {
    }

    static AccessorEntity of(String name) {
        AccessorEntity entity = new AccessorEntity();
        entity.name = name;
        return entity;
    }

    Integer id() {
        return id;
    }

    String name() {
        return name;
    }

    void name(String value) {
        this.name = value;
    }

    BigDecimal price() {
        return price;
    }

    void price(BigDecimal value) {
        this.price = value;
    }

    int revision() {
        return revision;
    }

    void revision(int value) {
        this.revision = value;
    }

    byte[] data() {
        return data;
    }

    void data(byte[] value) {
        this.data = value;
    }
}
