package dev.athanor.impl.orm.session;

import java.util.Comparator;
import java.util.List;

/**
 * Puts a flush's states in the order the session met them. Sequence numbers are dense (one counter per session), so a
 * bucket placement is linear where a comparison sort of 10,000 objects showed in profiles; a sparse range falls back
 * to sorting.
 */
final class SequenceOrder {
    private SequenceOrder() {
    }

    static void sort(List<InstanceState> states) {
        int size = states.size();
        if (size < 2) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long previous = Long.MIN_VALUE;
        boolean ordered = true;   // the usual case: the session's states are kept in the order it met them
        for (InstanceState state : states) {
            long sequence = state.sequence();
            ordered &= sequence > previous;
            previous = sequence;
            min = Math.min(min, sequence);
            max = Math.max(max, sequence);
        }
        if (ordered) {
            return;
        }
        long range = max - min + 1;
        if (range > 4L * size + 64) {
            states.sort(Comparator.comparingLong(InstanceState::sequence));
            return;
        }
        InstanceState[] slots = new InstanceState[(int) range];
        for (InstanceState state : states) {
            int slot = (int) (state.sequence() - min);
            if (slots[slot] != null) { // not expected: sequences are unique; sort rather than lose one
                states.sort(Comparator.comparingLong(InstanceState::sequence));
                return;
            }
            slots[slot] = state;
        }
        int n = 0;
        for (InstanceState state : slots) {
            if (state != null) {
                states.set(n++, state);
            }
        }
    }
}
