package dev.athanor.orm.mapping;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The current time, as a Java-side insert default ({@code @Column(insertDefault = Now.class)}); converted to the
 * field's type ({@code LocalDateTime} and {@code LocalDate} in the JVM's time zone, {@code OffsetDateTime} in UTC).
 *
 * {@snippet :
 * @Column(insertDefault = Now.class) public LocalDateTime timeCreated;
 * }
 */
public final class Now implements Supplier<Instant> {

    @Override
    public Instant get() {
        return Instant.now();
    }
}
