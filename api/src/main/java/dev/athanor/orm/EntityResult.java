package dev.athanor.orm;

import dev.athanor.Result;
import dev.athanor.ScalarResult;

/**
 * The result of a select run through a session, typed by what the select returns: for {@code select(User.class)}
 * each row holds one {@code User} and {@link #scalars()} is a {@code ScalarResult<User>}.
 *
 * {@snippet :
 * for (User user : session.execute(select(User.class).orderBy(User_.id)).scalars()) System.out.println(user.name);
 * List<User> users = session.execute(select(User.class)).unique().scalars().all();
 * }
 *
 * <p>For column selects ({@code select(User_.name)}) read the rows, or use {@code scalars(String.class)}: the
 * static type of {@code scalars()} is then {@code ScalarResult<Row>} while its values are the first column's.
 *
 * @param <E> the entity class (or {@code Row} for column selects)
 */
public interface EntityResult<E> extends Result {

    @Override
    ScalarResult<E> scalars();

    @Override
    EntityResult<E> unique();
}
