/**
 * The ORM: {@link dev.athanor.orm.Session} (identity map, unit of work), {@link dev.athanor.orm.SessionMaker},
 * {@link dev.athanor.orm.Registry} (the mapped classes and their {@code MetaData}), and the metamodel attribute types
 * the annotation processor generates ({@code User_.name} is a {@link dev.athanor.orm.StringAttribute}).
 *
 * {@snippet :
 * Registry registry = Registry.of(User.class, Group.class);
 * registry.metadata().createAll(engine);
 * SessionMaker sessions = SessionMaker.of(engine, registry);
 * sessions.begin(session -> session.add(new User("spongebob")));
 * try (Session session = sessions.open()) {
 *     List<User> users = session.scalars(select(User.class).where(User_.name.like("s%"))).all();
 * }
 * }
 */
package dev.athanor.orm;
