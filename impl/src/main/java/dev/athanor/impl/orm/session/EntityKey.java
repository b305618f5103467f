package dev.athanor.impl.orm.session;

import dev.athanor.impl.orm.mapping.EntityMapper;

/** The identity map's key: the mapper and the primary key value (a List for composite keys). */
record EntityKey(EntityMapper mapper, Object key) {
}
