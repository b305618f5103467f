package dev.athanor.impl.orm.mapping;

import dev.athanor.Engine;
import dev.athanor.orm.ReadOnly;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static dev.athanor.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated populate of a whole default load ({@link EntityAccessor#populate}): offered only for entities it can
 * serve, it sets every field and writes the snapshot exactly as the attribute-by-attribute path does (conversions,
 * null left out of primitives, no snapshot for a read-only load), and the session's loads, dirty checks and
 * read-only loads through it write exactly the changed objects.
 */
class PopulatorTest {

    private static EntityMapper mapper(Class<?> type) {
        EntityMapper mapper = ((RegistryImpl) Registry.of(type)).mapper(type);
        mapper.generateAccess();
        return mapper;
    }

    @Test
    void offeredOnlyWhereEveryAttributeIsCoveredPlainAndLoaded() {
        assertThat(mapper(PlainEntity.class).populator()).isNotNull();
        assertThat(mapper(AccessorEntity.class).populator()).isNull();   // a byte[] and a method-handle field
    }

    @Test
    void setsFieldsAndSnapshotAsTheAttributeLoopDoes() {
        EntityMapper mapper = mapper(PlainEntity.class);
        AttributeMapping[] attributes = mapper.attributes();
        List<String> names = Arrays.stream(attributes).map(AttributeMapping::name).toList();
        assertThat(names).containsExactly("id", "name", "count", "total", "ratio", "flag", "small", "boxed", "price",
                "at", "color");
        // what drivers hand back: an Integer for a SMALLINT (converted to short), an Integer for a BIGINT field
        // (converted to long), a String for the enum, NULL for a primitive (left as it is) and for a reference
        Object[] row = {"ignored", 7, "seven", 3, 4, null, true, 12, null, new BigDecimal("1.50"),
                LocalDateTime.of(2026, 12, 1, 10, 0), "GREEN"};

        PlainEntity generated = (PlainEntity) mapper.newInstance();
        generated.ratio = 9.5;
        generated.boxed = 99L;
        Object[] generatedSnapshot = new Object[attributes.length];
        mapper.populator().populate(generated, row, 1, generatedSnapshot, attributes);

        PlainEntity looped = (PlainEntity) mapper.newInstance();
        looped.ratio = 9.5;
        looped.boxed = 99L;
        Object[] loopedSnapshot = new Object[attributes.length];
        for (int i = 0; i < attributes.length; i++) {
            Object value = attributes[i].fromDatabase(row[1 + i]);
            attributes[i].set(looped, value);
            loopedSnapshot[i] = attributes[i].snapshot(value);
        }

        for (AttributeMapping attribute : attributes) {
            assertThat(attribute.get(generated)).as(attribute.name()).isEqualTo(attribute.get(looped));
        }
        assertThat(generatedSnapshot).containsExactly(loopedSnapshot);
        assertThat(generated.id).isEqualTo(7);
        assertThat(generated.total).isEqualTo(4L);
        assertThat(generated.ratio).isEqualTo(9.5);          // NULL leaves a primitive alone
        assertThat(generated.small).isEqualTo((short) 12);
        assertThat(generated.boxed).isNull();                  // NULL clears a reference
        assertThat(generated.color).isEqualTo(PlainEntity.Color.GREEN);

        PlainEntity readOnly = (PlainEntity) mapper.newInstance();
        mapper.populator().populate(readOnly, row, 1, null, attributes);   // no snapshot to write
        assertThat(readOnly.name()).isEqualTo("seven");
    }

    @Test
    void aValueThatCannotBeConvertedNamesTheColumn() {
        EntityMapper mapper = mapper(PlainEntity.class);
        Object[] row = {1, "one", "three", 0L, 0.0, false, (short) 0, null, null, null, null};
        assertThatThrownBy(() -> mapper.populator().populate(mapper.newInstance(), row, 0,
                new Object[row.length], mapper.attributes()))
                .hasMessageContaining("count");
    }

    @DatabaseTest
    static class InSession {
        @Test
        void loadsDirtyChecksAndReadOnlyLoadsThroughIt(Engine engine) {
            Registry registry = Registry.of(PlainEntity.class);
            ((RegistryImpl) registry).mapper(PlainEntity.class).generateAccess();
            assertThat(((RegistryImpl) registry).mapper(PlainEntity.class).populator()).isNotNull();
            registry.metadata().createAll(engine);
            SessionMaker sessions = SessionMaker.of(engine, registry);
            sessions.begin(session -> {
                for (int i = 1; i <= 5; i++) {
                    PlainEntity entity = new PlainEntity();
                    entity.name("e" + i);
                    entity.count = i;
                    entity.total = 10_000_000_000L + i;
                    entity.ratio = i / 4.0;
                    entity.flag = i % 2 == 0;
                    entity.small = (short) i;
                    entity.boxed = i == 3 ? null : (long) i;
                    entity.price = new BigDecimal(i + ".25");
                    entity.at = LocalDateTime.of(2026, 12, i, 8, 0);
                    entity.color = i % 2 == 0 ? PlainEntity.Color.GREEN : PlainEntity.Color.RED;
                    session.add(entity);
                }
            });
            try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
                List<PlainEntity> all = session.scalars(select(PlainEntity.class).orderBy(PlainEntity_.id)).all();
                assertThat(all).extracting(PlainEntity::name).containsExactly("e1", "e2", "e3", "e4", "e5");
                PlainEntity second = all.get(1);
                assertThat(second.total).isEqualTo(10_000_000_002L);
                assertThat(second.small).isEqualTo((short) 2);
                assertThat(second.color).isEqualTo(PlainEntity.Color.GREEN);
                assertThat(second.price).isEqualByComparingTo("2.25");
                assertThat(all.get(2).boxed).isNull();
                assertThat(all.get(4).ratio).isEqualTo(1.25);
                assertThat(session.dirtyObjects()).isEmpty();
                second.count = 20;
                all.get(3).color = PlainEntity.Color.RED;
                assertThat(session.dirtyObjects()).containsExactlyInAnyOrder(second, all.get(3));
                sql.clear();
                session.commit();
                assertThat(sql.sql()).hasSize(2).allMatch(s -> s.startsWith("UPDATE"));
            }
            try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
                List<PlainEntity> all = session.scalars(select(PlainEntity.class).orderBy(PlainEntity_.id)
                        .executionOptions(ReadOnly.TRUE)).all();
                assertThat(all.get(1).count).isEqualTo(20);
                assertThat(all.get(3).color).isEqualTo(PlainEntity.Color.RED);
                all.get(0).count = 99;   // read-only: not written
                sql.clear();
                session.commit();
                assertThat(sql.sql()).noneMatch(s -> s.startsWith("UPDATE"));
            }
        }
    }
}
