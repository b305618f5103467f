package dev.athanor.impl.orm.mapping;

import dev.athanor.impl.orm.mapping.fixture.AuditedRecord;
import dev.athanor.impl.orm.mapping.fixture.HiddenRecord;
import dev.athanor.orm.MappingError;
import dev.athanor.orm.Registry;
import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import org.junit.jupiter.api.Test;

import java.lang.invoke.MethodHandles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Field access through method handles (before an entity's generated accessor, and for the fields it does not cover):
 * the handles of the entity's own fields are made on first use, a superclass's field is checked when the class is
 * mapped.
 */
class FieldHandlesTest {

    @Entity(table = "handles_audited")
    static class Audited extends AuditedRecord {
        @Id
        private Integer id;
        @Column
        private int count;
    }

    @Entity(table = "handles_hidden")
    static class Hidden extends HiddenRecord {
        @Id
        private Integer id;
    }

    @Test
    void ownPrivateFieldsAndReachableSuperclassFieldsAreReadAndWritten() throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Audited.class, MethodHandles.lookup());
        Audited entity = new Audited();
        FieldHandles count = new FieldHandles(lookup, Audited.class.getDeclaredField("count"));
        FieldHandles revision = new FieldHandles(lookup, AuditedRecord.class.getDeclaredField("revision"));
        count.set(entity, 4);
        revision.set(entity, 9);
        assertThat(entity.count).isEqualTo(4);
        assertThat(count.get(entity)).isEqualTo(4);
        assertThat(revision.get(entity)).isEqualTo(9);
        assertThatThrownBy(() -> count.set(entity, "four")).isInstanceOf(ClassCastException.class);
    }

    @Test
    void aSuperclassFieldTheEntityMayNotReachIsAMappingErrorNamingIt() {
        assertThatThrownBy(() -> Registry.of(Hidden.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining(HiddenRecord.class.getName() + ".hidden: not accessible");
    }

    @Test
    void theHandlesOfAMappedEntityServeUntilItsAccessorIsGenerated() {
        EntityMapper mapper = ((RegistryImpl) Registry.of(Audited.class)).mapper(Audited.class);
        assertThat(mapper.attribute("count").hasGeneratedAccess()).isFalse();
        Audited entity = (Audited) mapper.newInstance();
        mapper.attribute("count").set(entity, 3);
        mapper.attribute("id").set(entity, 8);
        assertThat(entity.count).isEqualTo(3);
        assertThat(mapper.attribute("id").get(entity)).isEqualTo(8);
    }
}
