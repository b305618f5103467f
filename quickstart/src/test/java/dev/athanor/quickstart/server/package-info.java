/**
 * The quickstart WAR in application servers (profiles {@code wildfly}, {@code payara}, {@code liberty},
 * {@code servers}): Arquillian's managed container starts the server, deploys the WAR built by {@code package} with
 * a configuration for PostgreSQL, and the tests drive it over HTTP and check the database with JDBC.
 */
package dev.athanor.quickstart.server;
