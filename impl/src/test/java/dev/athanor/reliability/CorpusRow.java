package dev.athanor.reliability;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.SqlType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One column of each kind the bad-input corpus goes through, mapped by the ORM. */
@Entity(table = "corpus_orm")
public class CorpusRow {
    @Id(generated = false) public Integer id;
    @Column(length = 100) public String s;
    @Column(type = SqlType.TEXT) public String t;
    @Column(precision = 30, scale = 6) public BigDecimal n;
    @Column public Double d;
    @Column public Float r;
    @Column public Long i;
    @Column public LocalDate dt;
    @Column public LocalDateTime ts;
    @Column public byte[] b;
}
