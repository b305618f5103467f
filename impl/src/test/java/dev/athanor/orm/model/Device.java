package dev.athanor.orm.model;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A UUID key and the other value types. */
@Entity
public class Device {
    /** Kinds of device, stored by name. */
    public enum Kind { PHONE, TABLET, LAPTOP }

    @Id public UUID id;
    @Column(nullable = false) public Kind kind;
    @Column public Instant seenAt;
    @Column(precision = 10, scale = 2) public BigDecimal price;
    @Column public LocalDate bought;
    @Column public byte[] firmware;
    @Column public Boolean active;
    @Column(insertDefaultValue = "3") public Integer slots;
}
