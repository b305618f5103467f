/**
 * The CDI portable extension: discovers {@code @Entity} classes at deployment, validates the mapping, and produces
 * {@code Engine}, {@code SessionMaker} and request-scoped {@code Session} beans that join the JTA transaction,
 * configured through MicroProfile Config ({@code athanor.datasource.url}, {@code athanor.pool.size}, ...).
 *
 * {@snippet :
 * @Inject Session session;
 * }
 *
 * <p>Status: the extension arrives with issue 7; this module already builds against athanor-api and athanor-impl,
 * and its tests check that the Core engine is found from a deployment's class path.
 */
package dev.athanor.cdi;
