package dev.athanor.impl.result;

import dev.athanor.ArgumentError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Converts a value read from the database to the Java type a caller asks for ({@code row.get("x", Integer.class)}).
 * Only lossless or unambiguous conversions: a number that does not fit, or a type with no rule, is an
 * {@link ArgumentError} naming the column.
 */
public final class ValueConverter {
    private static final Set<Class<?>> SIMPLE = Set.of(String.class, Integer.class, Long.class, Short.class,
            Byte.class, Double.class, Float.class, BigDecimal.class, BigInteger.class, Boolean.class, UUID.class,
            LocalDate.class, LocalDateTime.class, LocalTime.class, OffsetDateTime.class, Instant.class,
            ZonedDateTime.class, byte[].class, Character.class, Object.class);

    private ValueConverter() {
    }

    /** Whether {@code type} is a single value (not a record or bean to map columns onto). */
    public static boolean isSimple(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || SIMPLE.contains(type);
    }

    @SuppressWarnings("unchecked")
    public static <T> T convert(Object value, Class<T> type, String column) {
        if (value == null) {
            return null;
        }
        Class<?> target = type.isPrimitive() ? box(type) : type;
        if (target.isInstance(value)) {
            return (T) value;
        }
        try {
            Object converted = doConvert(value, target);
            if (converted != null) {
                return (T) converted;
            }
        } catch (ArithmeticException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new ArgumentError("column '" + column + "': cannot convert " + describe(value) + " to "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
        throw new ArgumentError("column '" + column + "': cannot convert " + describe(value) + " to "
                + type.getName());
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return value.getClass().getSimpleName() + " value '" + (text.length() > 50 ? text.substring(0, 50) + "..." : text) + "'";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object doConvert(Object value, Class<?> target) {
        if (target == String.class) {
            return value instanceof byte[] ? null : value.toString();
        }
        if (value instanceof Number n) {
            Object number = number(n, target);
            if (number != null) {
                return number;
            }
        }
        if (target == Boolean.class) {
            if (value instanceof Number n) {
                // not intValue(): 2^32 and 0.5 are true, though their int parts are 0
                if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
                    return n.longValue() != 0;
                }
                return new BigDecimal(n.toString()).signum() != 0;
            }
            if (value instanceof String s) {
                String t = s.trim().toLowerCase(Locale.ROOT);
                if (Set.of("true", "t", "yes", "y", "1", "on").contains(t)) {
                    return true;
                }
                if (Set.of("false", "f", "no", "n", "0", "off").contains(t)) {
                    return false;
                }
                throw new IllegalArgumentException("not a boolean");
            }
        }
        if (target.isEnum() && value instanceof String s) {
            return Enum.valueOf((Class<Enum>) target, s);
        }
        if (target == UUID.class) {
            if (value instanceof String s) {
                return UUID.fromString(s.trim());
            }
            if (value instanceof byte[] b && b.length == 16) {
                ByteBuffer buffer = ByteBuffer.wrap(b);
                return new UUID(buffer.getLong(), buffer.getLong());
            }
        }
        if (target == Character.class && value instanceof String s && s.length() == 1) {
            return s.charAt(0);
        }
        return temporal(value, target);
    }

    private static Object number(Number n, Class<?> target) {
        if (target == Integer.class) {
            return Math.toIntExact(exactLong(n));
        }
        if (target == Long.class) {
            return exactLong(n);
        }
        if (target == Short.class) {
            long v = exactLong(n);
            if (v != (short) v) {
                throw new ArithmeticException("out of range");
            }
            return (short) v;
        }
        if (target == Byte.class) {
            long v = exactLong(n);
            if (v != (byte) v) {
                throw new ArithmeticException("out of range");
            }
            return (byte) v;
        }
        if (target == Double.class) {
            return n.doubleValue();
        }
        if (target == Float.class) {
            return n.floatValue();
        }
        if (target == BigDecimal.class) {
            return n instanceof BigInteger b ? new BigDecimal(b) : new BigDecimal(n.toString());
        }
        if (target == BigInteger.class) {
            return new BigDecimal(n.toString()).toBigIntegerExact();
        }
        return null;
    }

    private static long exactLong(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.longValue();
        }
        return new BigDecimal(n.toString()).longValueExact();
    }

    private static Object temporal(Object value, Class<?> target) {
        if (value instanceof Timestamp ts) {
            value = ts.toLocalDateTime();
        } else if (value instanceof java.sql.Date d) {
            value = d.toLocalDate();
        } else if (value instanceof java.sql.Time t) {
            value = t.toLocalTime();
        }
        if (target.isInstance(value)) {
            return value;
        }
        if (value instanceof OffsetDateTime odt) {
            if (target == Instant.class) {
                return odt.toInstant();
            }
            if (target == ZonedDateTime.class) {
                return odt.toZonedDateTime();
            }
            if (target == LocalDateTime.class) {
                return odt.toLocalDateTime();
            }
            if (target == LocalDate.class) {
                return odt.toLocalDate();
            }
        }
        if (value instanceof LocalDateTime ldt) {
            if (target == LocalDate.class) {
                return ldt.toLocalDate();
            }
            if (target == LocalTime.class) {
                return ldt.toLocalTime();
            }
            // A zone-less timestamp read as an instant is taken as UTC: the convention of the MariaDB dialect,
            // which stores zoned values in UTC.
            if (target == Instant.class) {
                return ldt.toInstant(ZoneOffset.UTC);
            }
            if (target == OffsetDateTime.class) {
                return ldt.atOffset(ZoneOffset.UTC);
            }
            if (target == ZonedDateTime.class) {
                return ldt.atZone(ZoneId.of("UTC"));
            }
        }
        if (value instanceof LocalDate ld && target == LocalDateTime.class) {
            return ld.atStartOfDay();
        }
        if (value instanceof String s) {
            if (target == LocalDate.class) {
                return LocalDate.parse(s);
            }
            if (target == LocalDateTime.class) {
                return LocalDateTime.parse(s.replace(' ', 'T'));
            }
            if (target == LocalTime.class) {
                return LocalTime.parse(s);
            }
            if (target == OffsetDateTime.class) {
                return OffsetDateTime.parse(s.replace(' ', 'T'));
            }
            if (target == Instant.class) {
                return Instant.parse(s);
            }
        }
        return null;
    }

    static Class<?> box(Class<?> type) {
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == float.class) {
            return Float.class;
        }
        if (type == short.class) {
            return Short.class;
        }
        if (type == byte.class) {
            return Byte.class;
        }
        if (type == char.class) {
            return Character.class;
        }
        return type;
    }
}
