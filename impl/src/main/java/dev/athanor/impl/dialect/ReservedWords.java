package dev.athanor.impl.dialect;

import java.util.HashSet;
import java.util.Set;

/**
 * Reserved words that force quoting of an identifier, per database, as their manuals list them (MariaDB's
 * "Reserved Words", PostgreSQL's reserved and type/function-name key words, H2's keywords), joined with a common core.
 */
final class ReservedWords {
    private ReservedWords() {
    }

    static final Set<String> COMMON = Set.of(
            "all", "alter", "and", "any", "array", "as", "asc", "between", "both", "by", "case", "cast", "check",
            "column", "constraint", "create", "cross", "current_date", "current_time", "current_timestamp",
            "current_user", "day", "default", "delete", "desc", "distinct", "drop", "else", "end", "except",
            "exists", "false", "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "hour", "if",
            "in", "index", "inner", "insert", "intersect", "interval", "into", "is", "join", "key", "leading",
            "left", "like", "limit", "minus", "minute", "month", "natural", "not", "null", "offset", "on", "or",
            "order", "outer", "primary", "qualify", "references", "regexp", "right", "row", "rownum", "rows",
            "second", "select", "set", "some", "table", "then", "to", "trailing", "true", "union", "unique",
            "unknown", "update", "user", "using", "value", "values", "when", "where", "window", "with", "year");

    static final Set<String> MARIADB = union(COMMON, Set.of(
            "accessible", "add", "all", "alter", "analyze", "and", "as", "asc", "asensitive", "before", "between",
            "bigint", "binary", "blob", "both", "by", "call", "cascade", "case", "change", "char", "character",
            "check", "collate", "column", "condition", "constraint", "continue", "convert", "create", "cross",
            "current_date", "current_role", "current_time", "current_timestamp", "current_user", "cursor",
            "database", "databases", "day_hour", "day_microsecond", "day_minute", "day_second", "dec", "decimal",
            "declare", "default", "delayed", "delete", "delete_domain_id", "desc", "describe", "deterministic",
            "distinct", "distinctrow", "div", "do_domain_ids", "double", "drop", "dual", "each", "else", "elseif",
            "enclosed", "escaped", "except", "exists", "exit", "explain", "false", "fetch", "float", "float4",
            "float8", "for", "force", "foreign", "from", "fulltext", "general", "grant", "group", "having",
            "high_priority", "hour_microsecond", "hour_minute", "hour_second", "if", "ignore", "ignore_domain_ids",
            "ignore_server_ids", "in", "index", "infile", "inner", "inout", "insensitive", "insert", "int", "int1",
            "int2", "int3", "int4", "int8", "integer", "intersect", "interval", "into", "is", "iterate", "join",
            "key", "keys", "kill", "leading", "leave", "left", "like", "limit", "linear", "lines", "load",
            "localtime", "localtimestamp", "lock", "long", "longblob", "longtext", "loop", "low_priority",
            "master_heartbeat_period", "master_ssl_verify_server_cert", "match", "maxvalue", "mediumblob",
            "mediumint", "mediumtext", "middleint", "minute_microsecond", "minute_second", "mod", "modifies",
            "natural", "no_write_to_binlog", "not", "null", "numeric", "offset", "on", "optimize", "option",
            "optionally", "or", "order", "out", "outer", "outfile", "over", "page_checksum", "parse_vcol_expr",
            "partition", "position", "precision", "primary", "procedure", "purge", "range", "read", "read_write",
            "reads", "real", "recursive", "ref_system_id", "references", "regexp", "release", "rename", "repeat",
            "replace", "require", "resignal", "restrict", "return", "returning", "revoke", "right", "rlike",
            "row_number", "rows", "schema", "schemas", "second_microsecond", "select", "sensitive", "separator",
            "set", "show", "signal", "slow", "smallint", "spatial", "specific", "sql", "sql_big_result",
            "sql_calc_found_rows", "sql_small_result", "sqlexception", "sqlstate", "sqlwarning", "ssl", "starting",
            "stats_auto_recalc", "stats_persistent", "stats_sample_pages", "straight_join", "table", "terminated",
            "then", "tinyblob", "tinyint", "tinytext", "to", "trailing", "trigger", "true", "undo", "union",
            "unique", "unlock", "unsigned", "update", "usage", "use", "using", "utc_date", "utc_time",
            "utc_timestamp", "values", "varbinary", "varchar", "varcharacter", "varying", "when", "where", "while",
            "window", "with", "write", "xor", "year_month", "zerofill"));

    static final Set<String> POSTGRESQL = union(COMMON, Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint",
            "create", "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having",
            "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading",
            "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset",
            "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning",
            "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample",
            "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
            "where", "window", "with"));

    static final Set<String> H2 = union(COMMON, Set.of(
            "_rowid_", "all", "and", "any", "array", "as", "asymmetric", "authorization", "between", "both", "case",
            "cast", "check", "constraint", "cross", "current_catalog", "current_date", "current_path",
            "current_role", "current_schema", "current_time", "current_timestamp", "current_user", "day", "default",
            "distinct", "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "from", "full",
            "group", "groups", "having", "hour", "if", "ilike", "in", "inner", "intersect", "interval", "is", "join",
            "key", "leading", "left", "like", "limit", "localtime", "localtimestamp", "minus", "minute", "month",
            "natural", "not", "null", "offset", "on", "or", "order", "over", "partition", "primary", "qualify",
            "range", "regexp", "right", "row", "rownum", "rows", "second", "select", "session_user", "set", "some",
            "symmetric", "system_user", "table", "to", "top", "trailing", "true", "uescape", "union", "unique",
            "unknown", "user", "using", "value", "values", "when", "where", "window", "with", "year"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
