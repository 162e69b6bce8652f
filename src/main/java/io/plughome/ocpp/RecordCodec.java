package io.plughome.ocpp;

import io.plughome.platform.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Maps OCPP payloads (JSON-P objects) to the message records of a version package and back.
 *
 * <p>Reading checks JSON types field by field, so that a wrong type is reported as
 * {@link Problem#TYPE}; the constraints of the specification are Bean Validation annotations on
 * the records, and a violated one becomes {@link Problem#OCCURRENCE} (missing or wrong count) or
 * {@link Problem#PROPERTY} (bad value). JSON-B cannot tell these apart, which is why this small
 * codec exists. The tolerated deviations (see {@link Lenient}, enum case, zone-less timestamps,
 * unknown properties) are recorded in {@link Deviations} rather than refused.
 */
public final class RecordCodec {

    /** Timestamps before this are a charger with an unset clock. */
    public static final Instant PLAUSIBLE_FROM = io.plughome.platform.Timestamps.PLAUSIBLE_FROM;

    private final Validator validator;
    private final Set<String> extensionProperties;

    public RecordCodec(Validator validator) {
        this(validator, Set.of());
    }

    /**
     * A codec for a version whose every object may carry properties that mean nothing to this
     * server (2.0.1 {@code customData}): they are neither read nor counted as unknown.
     */
    public RecordCodec(Validator validator, Set<String> extensionProperties) {
        this.validator = validator;
        this.extensionProperties = Set.copyOf(extensionProperties);
    }

    /**
     * The validator a codec should get from the container's factory: one that takes every property
     * of a record as reachable. The default asks JPA whether each property is loaded (OCPP records
     * are no entities), and Liberty answers that under a lock every validating thread shares: with
     * 10,000 chargers that lock held frames up for 20 s a minute (docs/performance.md).
     */
    public static Validator validatorFor(ValidatorFactory factory) {
        return factory.usingContext().traversableResolver(EVERY_PROPERTY).getValidator();
    }

    private static final TraversableResolver EVERY_PROPERTY = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> root, Path path, ElementType type) {
            return true;
        }
    };

    // ------------------------------------------------------------------ reading

    public <T extends Record> T read(JsonObject json, Class<T> type, Deviations deviations) throws OcppException {
        T value = readRecord(json, type, "", deviations);
        check(value);
        return value;
    }

    /** Reads any JSON value that must be an object of the record's shape. */
    public <T extends Record> T read(JsonValue json, Class<T> type, Deviations deviations) throws OcppException {
        if (!(json instanceof JsonObject object)) {
            throw new OcppException(Problem.FORMAT, "payload must be a JSON object");
        }
        return read(object, type, deviations);
    }

    /** Checks a record against the constraints of the specification (its annotations). */
    public <T extends Record> void check(T value) throws OcppException {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            Class<?> annotation = first.getConstraintDescriptor().getAnnotation().annotationType();
            boolean occurrence = annotation == NotNull.class || annotation == NotEmpty.class
                    || (annotation == Size.class && first.getInvalidValue() instanceof List<?>);
            throw new OcppException(occurrence ? Problem.OCCURRENCE : Problem.PROPERTY,
                    first.getPropertyPath() + ": " + first.getMessage());
        }
    }

    private <T> T readRecord(JsonObject json, Class<T> type, String path, Deviations deviations) throws OcppException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            JsonValue value = json.get(component.getName());
            args[i] = value == null || value == JsonValue.NULL ? null
                    : readValue(value, component.getGenericType(), path + component.getName(),
                            component.getAnnotation(Lenient.class), deviations);
        }
        for (String key : json.keySet()) {
            if (!hasComponent(components, key) && !extensionProperties.contains(key)) {
                deviations.add(Deviations.UNKNOWN_PROPERTY, path + key);
            }
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw new OcppException(Problem.PROPERTY, path + ": " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type, e);
        }
    }

    private static boolean hasComponent(RecordComponent[] components, String name) {
        for (RecordComponent c : components) {
            if (c.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private Object readValue(JsonValue value, Type genericType, String path, Lenient lenient, Deviations deviations)
            throws OcppException {
        Class<?> raw = genericType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) genericType;
        if (raw == String.class) {
            String s = expect(value, JsonString.class, path, "a string").getString();
            if (s.indexOf('\u0000') >= 0) {
                // no database column can hold NUL (PostgreSQL refuses it) and no OCPP string means it
                deviations.add(Deviations.NUL_CHARACTER, path);
                s = s.replace("\u0000", "");
            }
            if (lenient != null && lenient.maxLength() > 0 && s.length() > lenient.maxLength()) {
                deviations.add(Deviations.STRING_TOO_LONG, path + "=" + s);
            }
            return lenient != null && lenient.keepUpTo() > 0 ? deviations.fit(s, lenient.keepUpTo(), path) : s;
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            BigDecimal number = expect(value, JsonNumber.class, path, "an integer").bigDecimalValue();
            if (number.stripTrailingZeros().scale() > 0) {
                if (lenient == null) {
                    throw new OcppException(Problem.TYPE, path + " must be an integer, was " + number);
                }
                deviations.add(Deviations.FRACTIONAL_INTEGER, path + "=" + number);
                number = number.setScale(0, java.math.RoundingMode.HALF_UP);
            }
            try {
                if (raw == Integer.class || raw == int.class) {
                    return Integer.valueOf(number.intValueExact());
                }
                return Long.valueOf(number.longValueExact());
            } catch (ArithmeticException e) {
                throw new OcppException(Problem.TYPE, path + " is out of the integer range: " + number);
            }
        }
        if (raw == Double.class || raw == double.class) {
            return expect(value, JsonNumber.class, path, "a number").doubleValue();
        }
        if (raw == BigDecimal.class) {
            return expect(value, JsonNumber.class, path, "a number").bigDecimalValue();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            throw new OcppException(Problem.TYPE, path + " must be a boolean");
        }
        if (raw == Instant.class) {
            return readInstant(expect(value, JsonString.class, path, "a date-time string").getString(), path, deviations);
        }
        if (raw.isEnum()) {
            return readEnum(raw, expect(value, JsonString.class, path, "a string").getString(), path, deviations);
        }
        if (raw == List.class) {
            JsonArray array = expect(value, JsonArray.class, path, "an array");
            Type element = ((ParameterizedType) genericType).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                JsonValue item = array.get(i);
                list.add(item == JsonValue.NULL ? null
                        : readValue(item, element, path + "[" + i + "]", lenient, deviations));
            }
            return List.copyOf(list.stream().filter(java.util.Objects::nonNull).toList());
        }
        if (raw.isRecord()) {
            return readRecord(expect(value, JsonObject.class, path, "an object"), raw, path + ".", deviations);
        }
        if (JsonValue.class.isAssignableFrom(raw)) {
            return raw.cast(expect(value, raw.asSubclass(JsonValue.class), path, "JSON"));
        }
        throw new IllegalStateException("Unsupported field type " + genericType + " at " + path);
    }

    private static <J extends JsonValue> J expect(JsonValue value, Class<J> type, String path, String what)
            throws OcppException {
        if (!type.isInstance(value)) {
            throw new OcppException(Problem.TYPE, path + " must be " + what + ", was " + value.getValueType());
        }
        return type.cast(value);
    }

    /** ISO-8601 with offset; zone-less values are read as UTC and counted. */
    static Instant readInstant(String text, String path, Deviations deviations) throws OcppException {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                deviations.add(Deviations.TIMESTAMP_WITHOUT_ZONE, path + "=" + text);
            } catch (DateTimeParseException withoutOffset) {
                throw new OcppException(Problem.PROPERTY, path + " is not an ISO-8601 date-time: " + text);
            }
        }
        if (instant.isBefore(PLAUSIBLE_FROM)) {
            deviations.add(Deviations.TIMESTAMP_IMPLAUSIBLE, path + "=" + text);
        }
        return instant;
    }

    private static Object readEnum(Class<?> type, String text, String path, Deviations deviations) throws OcppException {
        Object caseInsensitive = null;
        for (Object constant : type.getEnumConstants()) {
            String wire = constant instanceof WireValue w ? w.wire() : ((Enum<?>) constant).name();
            if (wire.equals(text)) {
                return constant;
            }
            if (wire.equalsIgnoreCase(text)) {
                caseInsensitive = constant;
            }
        }
        if (caseInsensitive != null) {
            deviations.add(Deviations.ENUM_CASE, path + "=" + text);
            return caseInsensitive;
        }
        throw new OcppException(Problem.PROPERTY, path + " has a value the specification does not define: " + text);
    }

    // ------------------------------------------------------------------ writing

    public JsonObject write(Record value) {
        JsonObjectBuilder builder = JsonP.PROVIDER.createObjectBuilder();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object field;
            try {
                field = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (field != null) {
                builder.add(component.getName(), toJson(field));
            }
        }
        return builder.build();
    }

    private JsonValue toJson(Object value) {
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof String s) {
            return JsonP.PROVIDER.createValue(s);
        }
        if (value instanceof Integer i) {
            return JsonP.PROVIDER.createValue(i);
        }
        if (value instanceof Long l) {
            return JsonP.PROVIDER.createValue(l);
        }
        if (value instanceof Double d) {
            return JsonP.PROVIDER.createValue(d);
        }
        if (value instanceof BigDecimal d) {
            return JsonP.PROVIDER.createValue(d);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Instant instant) {
            return JsonP.PROVIDER.createValue(instant.truncatedTo(ChronoUnit.MILLIS).toString());
        }
        if (value instanceof WireValue w) {
            return JsonP.PROVIDER.createValue(w.wire());
        }
        if (value instanceof Enum<?> e) {
            return JsonP.PROVIDER.createValue(e.name());
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = JsonP.PROVIDER.createArrayBuilder();
            list.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        if (value instanceof Record r) {
            return write(r);
        }
        throw new IllegalStateException("Unsupported value " + value.getClass());
    }
}
