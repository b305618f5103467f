/**
 * What the TCK needs to run unchanged inside an application server through Arquillian's managed containers
 * (profiles {@code wildfly}, {@code payara}, {@code liberty}): the deployment gets the libraries an application ships.
 * Nothing here is a test; embedded Weld does not use it.
 */
package dev.athanor.tck.server;
