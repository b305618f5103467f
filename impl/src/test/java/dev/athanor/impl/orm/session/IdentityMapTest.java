package dev.athanor.impl.orm.session;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity map's open-addressed int table against a HashMap, through growth and removals. */
class IdentityMapTest {

    private static InstanceState state() {
        return new InstanceState(new Object(), null, InstanceState.Status.PERSISTENT);
    }

    @Test
    void intKeysBehaveAsAHashMapThroughRandomPutsAndRemoves() {
        IdentityMap.States states = new IdentityMap.States();
        Map<Integer, InstanceState> expected = new HashMap<>();
        Random random = new Random(14);
        for (int step = 0; step < 200_000; step++) {
            int key = random.nextInt(5_000) - 100;   // negative keys and collisions included
            if (random.nextInt(3) == 0) {
                states.remove(key);
                expected.remove(key);
            } else {
                InstanceState state = state();
                states.put(key, state);
                expected.put(key, state);
            }
        }
        for (int key = -100; key < 4_900; key++) {
            assertThat(states.get(key)).as("key %d", key).isSameAs(expected.get(key));
        }
    }

    /** Keys of a load in a run keep their own slots (in order in memory); the table stays unscrambled. */
    @Test
    void aRunOfKeysKeepsItsOwnSlots() {
        IdentityMap.States states = new IdentityMap.States();
        List<InstanceState> added = new java.util.ArrayList<>();
        for (int key = 1; key <= 10_000; key++) {
            assertThat(states.get(key)).isNull();
            InstanceState state = state();
            states.put(key, state);
            added.add(state);
        }
        for (int key = 1; key <= 10_000; key++) {
            assertThat(states.get(key)).isSameAs(added.get(key - 1));
        }
        assertThat(states.isScrambled()).isFalse();
    }

    /**
     * Keys that would crowd one region of an unscrambled table (a stride of a power of two, and runs that overlap
     * modulo the table's size) switch it to scrambled slots; it still behaves as a HashMap through puts and removes.
     */
    @Test
    void crowdingKeysScrambleTheTableAndLoseNothing() {
        IdentityMap.States states = new IdentityMap.States();
        Map<Integer, InstanceState> expected = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            int key = i * 65_536;   // every key at slot 0 of any table below 65,536 slots
            InstanceState state = state();
            assertThat(states.get(key)).isNull();
            states.put(key, state);
            expected.put(key, state);
        }
        assertThat(states.isScrambled()).isTrue();
        for (int i = 0; i < 3_000; i += 3) {
            states.remove(i * 65_536);
            expected.remove(i * 65_536);
        }
        for (int i = 0; i < 3_000; i++) {
            assertThat(states.get(i * 65_536)).as("key %d", i * 65_536).isSameAs(expected.get(i * 65_536));
        }

        IdentityMap.States runs = new IdentityMap.States();
        expected.clear();
        for (int key = 1; key <= 1_000; key++) {   // 1..1000, then 4097..5096: the same slots of a 4,096-slot table
            for (int run : new int[] {0, 4_096}) {
                InstanceState state = state();
                runs.put(key + run, state);
                expected.put(key + run, state);
            }
        }
        assertThat(runs.isScrambled()).isTrue();
        for (Map.Entry<Integer, InstanceState> entry : expected.entrySet()) {
            assertThat(runs.get(entry.getKey())).isSameAs(entry.getValue());
        }
    }

    /** A load's pattern: get, miss, put right after (the put takes the slot the miss found), mixed with others. */
    /**
     * The children of 100 parents loaded together, as a selectin load meets them: child {@code j + 1000 k} belongs to
     * parent {@code j + 1}, so the keys come in runs of 10 a thousand apart, in parent order; their runs overlap
     * modulo the table's size, which scrambles the table (after about a quarter of the keys), and it keeps every key.
     */
    @Test
    void runsThatOverlapModuloTheTableScrambleIt() {
        IdentityMap.States states = new IdentityMap.States();
        Map<Integer, InstanceState> expected = new HashMap<>();
        for (int parent = 0; parent < 100; parent++) {
            for (int k = 0; k < 10; k++) {
                int key = parent + 1000 * k;
                assertThat(states.get(key)).isNull();
                InstanceState state = state();
                states.put(key, state);
                expected.put(key, state);
            }
        }
        assertThat(states.isScrambled()).isTrue();
        expected.forEach((key, state) -> assertThat(states.get(key)).as("key %d", key).isSameAs(state));
        assertThat(states.get(99 + 1000 * 10)).isNull();
    }

    @Test
    void aPutAfterAMissTakesTheSlotTheMissFoundOnlyWhileItIsValid() {
        IdentityMap.States states = new IdentityMap.States();
        Map<Integer, InstanceState> expected = new HashMap<>();
        Random random = new Random(15);
        for (int step = 0; step < 200_000; step++) {
            int key = random.nextInt(3_000);
            InstanceState found = states.get(key);
            assertThat(found).as("key %d", key).isSameAs(expected.get(key));
            switch (random.nextInt(4)) {
                case 0 -> {   // something else happens between the miss and the put
                    int other = random.nextInt(3_000);
                    states.remove(other);
                    expected.remove(other);
                }
                case 1 -> {
                    int other = random.nextInt(3_000);
                    InstanceState state = state();
                    states.put(other, state);
                    expected.put(other, state);
                }
                default -> {
                }
            }
            if (found == null) {
                InstanceState state = state();
                states.put(key, state);
                expected.put(key, state);
            }
        }
        for (int key = 0; key < 3_000; key++) {
            assertThat(states.get(key)).as("key %d", key).isSameAs(expected.get(key));
        }
    }

    /** Room made for a flush's keys (reserve) between puts, a miss and removals: nothing is lost or misplaced. */
    @Test
    void reservingRoomKeepsEveryKeyAndAMissedSlotIsNotReusedAfterIt() {
        IdentityMap.States states = new IdentityMap.States();
        Map<Integer, InstanceState> expected = new HashMap<>();
        for (int key = 0; key < 300; key++) {
            InstanceState state = state();
            states.put(key * 7, state);
            expected.put(key * 7, state);
        }
        assertThat(states.get(5_000)).isNull();   // a miss remembers its slot ...
        states.reserve(10_000);                   // ... which the new table invalidates
        states.reserve(10);                       // room already there: no change
        InstanceState missed = state();
        states.put(5_000, missed);
        expected.put(5_000, missed);
        for (int key = 300; key < 10_300; key++) {
            InstanceState state = state();
            states.put(key * 7, state);
            expected.put(key * 7, state);
            if (key % 5 == 0) {
                states.remove((key - 3) * 7);
                expected.remove((key - 3) * 7);
            }
        }
        for (int key = -1; key < 10_300 * 7; key++) {
            assertThat(states.get(key)).as("key %d", key).isSameAs(expected.get(key));
        }
    }

    @Test
    void otherKeyTypesAndNullAreKeptApart() {
        IdentityMap.States states = new IdentityMap.States();
        InstanceState intState = state();
        InstanceState longState = state();
        InstanceState listState = state();
        states.put(5, intState);
        states.put(5L, longState);
        states.put(List.of(5, 6), listState);
        assertThat(states.get(5)).isSameAs(intState);
        assertThat(states.get(5L)).isSameAs(longState);
        assertThat(states.get(List.of(5, 6))).isSameAs(listState);
        assertThat(states.get(null)).isNull();
        states.remove(5L);
        assertThat(states.get(5L)).isNull();
        assertThat(states.get(5)).isSameAs(intState);
    }
}
