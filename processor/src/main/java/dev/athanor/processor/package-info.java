/**
 * The annotation processor that generates the static metamodel ({@code User_}) of every {@code @Entity}, with one
 * typed attribute per mapped field. It depends on athanor-api only, and is used from
 * {@code annotationProcessorPaths}:
 *
 * {@snippet lang=xml :
 * <annotationProcessorPaths>
 *   <path><groupId>dev.athanor</groupId><artifactId>athanor-processor</artifactId></path>
 * </annotationProcessorPaths>
 * }
 *
 * <p>Status: the processor arrives with the ORM mapping (issue 5). This module already carries the in-memory
 * compilation harness its tests use ({@code InMemoryCompiler} in the test sources).
 */
package dev.athanor.processor;
