/**
 * The guestbook as a web application: a Jakarta REST resource over {@link dev.athanor.quickstart.guestbook.Guestbook}
 * (sign, list, sign-all that rolls back, pool status), packaged in {@code athanor-quickstart-*.war} for WildFly,
 * Payara and Open Liberty. The server provides Jakarta REST, CDI, JTA and MicroProfile Config; the WAR brings
 * Athanor and the JDBC drivers.
 */
package dev.athanor.quickstart.web;
