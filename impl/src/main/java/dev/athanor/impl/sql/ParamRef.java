package dev.athanor.impl.sql;

/**
 * A named parameter's place among a statement's values; its value comes with the execution.
 *
 * @param name the parameter's name
 */
public record ParamRef(String name) {
}
