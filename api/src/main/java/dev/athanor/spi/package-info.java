/**
 * Seams between the API and its implementation: {@link dev.athanor.spi.EngineProvider}, found by
 * {@link java.util.ServiceLoader}, and {@link dev.athanor.spi.ParsedText}, the shared parse of text SQL.
 * Application code does not need this package.
 */
package dev.athanor.spi;
