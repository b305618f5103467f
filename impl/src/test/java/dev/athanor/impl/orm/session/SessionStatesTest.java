package dev.athanor.impl.orm.session;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The session's states: met order, lookups by identity from an index built late, removals while iterating. */
class SessionStatesTest {

    private static InstanceState state() {
        return new InstanceState(new Object(), null, InstanceState.Status.PERSISTENT);
    }

    @Test
    void keepsTheOrderMetAndFindsStatesByIdentityBeforeAndAfterTheIndexExists() {
        SessionStates states = new SessionStates();
        List<InstanceState> added = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            InstanceState state = state();
            states.add(state);
            added.add(state);
        }
        assertThat(states.values()).containsExactlyElementsOf(added);
        assertThat(states.get(added.get(42).entity())).isSameAs(added.get(42));   // builds the index
        assertThat(states.get(new Object())).isNull();
        InstanceState late = state();
        states.add(late);                                                         // kept in the index too
        assertThat(states.contains(late.entity())).isTrue();
        assertThat(states.size()).isEqualTo(101);
    }

    /**
     * A small session is searched in place (no index): a removed state is not found, the same object added again is
     * found with its new state, and past {@link SessionStates#SCAN_LIMIT} states the index built then agrees.
     */
    @Test
    void aSmallSessionFindsItsStatesWithoutTheIndexAndAgreesWithItOnceLarger() {
        SessionStates states = new SessionStates();
        InstanceState first = state();
        InstanceState second = state();
        states.add(first);
        states.add(second);
        assertThat(states.get(second.entity())).isSameAs(second);
        assertThat(states.get(new Object())).isNull();
        states.remove(first);
        assertThat(states.contains(first.entity())).isFalse();
        states.remove(first);                                   // twice: a no-op
        assertThat(states.size()).isEqualTo(1);
        InstanceState again = new InstanceState(first.entity(), null, InstanceState.Status.PERSISTENT);
        states.add(again);
        assertThat(states.get(first.entity())).isSameAs(again);
        List<InstanceState> more = new ArrayList<>();
        for (int i = 0; i < SessionStates.SCAN_LIMIT * 2; i++) {
            InstanceState state = state();
            states.add(state);
            more.add(state);
        }
        assertThat(states.get(first.entity())).isSameAs(again);  // builds the index: the dropped state left out
        assertThat(states.get(second.entity())).isSameAs(second);
        for (InstanceState state : more) {
            assertThat(states.get(state.entity())).isSameAs(state);
        }
        assertThat(states.values()).containsExactlyElementsOf(concat(List.of(second, again), more));
    }

    private static List<InstanceState> concat(List<InstanceState> first, List<InstanceState> second) {
        List<InstanceState> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** An addAll's reserve: before and after the index exists, with removed states, order and lookups kept. */
    @Test
    void reservingRoomKeepsOrderAndLookups() {
        SessionStates states = new SessionStates();
        List<InstanceState> added = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            InstanceState state = state();
            states.add(state);
            added.add(state);
        }
        states.remove(added.remove(3));   // builds the index, marks one dropped
        states.reserve(1_000);            // a larger index
        for (int i = 0; i < 1_000; i++) {
            InstanceState state = state();
            assertThat(states.get(state.entity())).isNull();
            states.add(state);
            added.add(state);
        }
        states.reserve(5);                // too few to matter: nothing changes
        assertThat(states.size()).isEqualTo(1_029);
        assertThat(states.values()).containsExactlyElementsOf(added);
        for (InstanceState state : added) {
            assertThat(states.get(state.entity())).isSameAs(state);
        }

        SessionStates fresh = new SessionStates();   // a reserve before any lookup builds the index itself
        fresh.add(added.get(0));
        fresh.reserve(100);
        fresh.add(added.get(1));
        assertThat(fresh.get(added.get(0).entity())).isSameAs(added.get(0));
        assertThat(fresh.get(added.get(1).entity())).isSameAs(added.get(1));
        assertThat(fresh.values()).containsExactly(added.get(0), added.get(1));
    }

    @Test
    void removalsWhileIteratingAreSkippedAndCompactedLater() {
        SessionStates states = new SessionStates();
        List<InstanceState> added = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            InstanceState state = state();
            states.add(state);
            added.add(state);
        }
        List<InstanceState> seen = new ArrayList<>();
        for (InstanceState state : states.values()) {
            seen.add(state);
            int position = added.indexOf(state);
            if (position % 2 == 0 && position + 1 < added.size()) {
                states.remove(added.get(position + 1));   // the next one: skipped by this iteration
            }
        }
        assertThat(seen).hasSize(25).allMatch(s -> added.indexOf(s) % 2 == 0);
        assertThat(states.size()).isEqualTo(25);
        assertThat(states.values()).containsExactlyElementsOf(seen);
        assertThat(states.get(added.get(1).entity())).isNull();
        states.remove(added.get(1));   // removing twice, or a state it never held, changes nothing
        states.remove(state());
        assertThat(states.size()).isEqualTo(25);
        states.clear();
        assertThat(states.values()).isEmpty();
        assertThat(states.get(added.get(0).entity())).isNull();
    }
}
