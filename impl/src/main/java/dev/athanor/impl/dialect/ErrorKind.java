package dev.athanor.impl.dialect;

/** Which {@link dev.athanor.DatabaseError} subclass a database error becomes. */
public enum ErrorKind {
    INTEGRITY, DATA, PROGRAMMING, OPERATIONAL, INTERNAL, NOT_SUPPORTED, DATABASE
}
