package dev.athanor.impl.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The array parameter of selectin loads keeps its elements' own type (H2 types the array by its component type). */
class SqlArrayTest {

    @Test
    void elementsOfOneClassGetAnArrayOfThatClass() {
        SqlArray array = new SqlArray("integer", new Object[] {1, 2, 3});
        assertThat(array.elements()).isInstanceOf(Integer[].class).containsExactly(1, 2, 3);
        assertThat(new SqlArray("varchar", new Object[] {"a", "b"}).elements()).isInstanceOf(String[].class);
    }

    @Test
    void mixedOrNullElementsStayAnObjectArray() {
        assertThat(new SqlArray("bigint", new Object[] {1, 2L}).elements().getClass()).isEqualTo(Object[].class);
        assertThat(new SqlArray("integer", new Object[] {1, null}).elements().getClass()).isEqualTo(Object[].class);
        assertThat(new SqlArray("integer", new Object[0]).elements().getClass()).isEqualTo(Object[].class);
    }

    @Test
    void equalityIsByElements() {
        assertThat(new SqlArray("integer", new Object[] {1, 2})).isEqualTo(new SqlArray("integer", new Integer[] {1, 2}));
    }
}
