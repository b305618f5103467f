package dev.athanor.impl.orm.mapping;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.athanor.ArgumentError;

import java.lang.reflect.Type;

/**
 * JSON columns through Jackson: values are written as JSON text and read back into the field's full generic type
 * ({@code List<String>}, a record, {@code Map<String, Object>}). Fields are read directly, as the ORM does, so plain
 * classes need no getters.
 */
public final class JsonCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);

    private final JavaType type;
    private final String where;

    JsonCodec(Type genericType, String where) {
        this.type = MAPPER.getTypeFactory().constructType(genericType);
        this.where = where;
    }

    /** The JSON text of a value; null stays null. */
    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (Exception e) {
            throw new ArgumentError(where + ": cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getMessage(), e);
        }
    }

    /** The value of JSON text (or of what the driver returned for a JSON column). */
    public Object read(Object raw) {
        if (raw == null) {
            return null;
        }
        String text = raw instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : raw.toString();
        try {
            return MAPPER.readValue(text, type);
        } catch (Exception e) {
            throw new ArgumentError(where + ": cannot read JSON into " + type + ": " + e.getMessage(), e);
        }
    }
}
