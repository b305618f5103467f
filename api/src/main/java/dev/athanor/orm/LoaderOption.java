package dev.athanor.orm;

/**
 * An option of an ORM select that changes how attributes load ({@code select(User.class).options(...)}); made by the
 * factory methods of {@link Loading}.
 *
 * {@snippet :
 * session.scalars(select(User.class).options(undefer(User_.description))).all();
 * }
 */
public sealed interface LoaderOption
        permits Loading.ColumnLoading, Loading.RelationshipLoading, Loading.PopulateExisting {
}
