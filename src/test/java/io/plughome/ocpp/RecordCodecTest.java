package io.plughome.ocpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    enum Colour { Red, DarkBlue }

    record Inner(@NotNull String name) {
    }

    record Message(@NotNull @Min(0) Integer count, @Size(max = 5) String code, Colour colour, Instant at,
            @Lenient(maxLength = 4, keepUpTo = 8) String tag, @Lenient Long reading, Double ratio,
            @Size(min = 1) List<@Valid Inner> inners) {
    }

    private final RecordCodec codec = new RecordCodec(Validation.buildDefaultValidatorFactory().getValidator());

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private Message read(String text, Deviations deviations) throws OcppException {
        return codec.read(json(text), Message.class, deviations);
    }

    private Problem problem(String text) {
        return assertThrows(OcppException.class, () -> read(text, new Deviations())).problem();
    }

    @Test
    void readsEveryFieldType() throws Exception {
        Deviations d = new Deviations();
        Message m = read("{\"count\":3,\"code\":\"ab\",\"colour\":\"DarkBlue\",\"at\":\"2026-11-24T10:00:00+01:00\","
                + "\"tag\":\"t\",\"reading\":12,\"ratio\":0.5,\"inners\":[{\"name\":\"n\"}]}", d);
        assertEquals(new Message(3, "ab", Colour.DarkBlue, Instant.parse("2026-11-24T09:00:00Z"), "t", 12L, 0.5,
                List.of(new Inner("n"))), m);
        assertTrue(d.isEmpty());
    }

    @Test
    void aMissingRequiredFieldIsAnOccurrenceViolation() {
        assertEquals(Problem.OCCURRENCE, problem("{}"));
        assertEquals(Problem.OCCURRENCE, problem("{\"count\":1,\"inners\":[]}"));
        assertEquals(Problem.OCCURRENCE, problem("{\"count\":1,\"inners\":[{}]}"));
    }

    @Test
    void aWrongJsonTypeIsATypeViolation() {
        assertEquals(Problem.TYPE, problem("{\"count\":\"3\"}"));
        assertEquals(Problem.TYPE, problem("{\"count\":3.5}"));
        assertEquals(Problem.TYPE, problem("{\"count\":3,\"code\":5}"));
        assertEquals(Problem.TYPE, problem("{\"count\":3,\"inners\":{}}"));
        assertEquals(Problem.TYPE, problem("{\"count\":99999999999}"));
    }

    @Test
    void aValueOutsideTheSpecificationIsAPropertyViolation() {
        assertEquals(Problem.PROPERTY, problem("{\"count\":-1}"));
        assertEquals(Problem.PROPERTY, problem("{\"count\":1,\"code\":\"toolong\"}"));
        assertEquals(Problem.PROPERTY, problem("{\"count\":1,\"colour\":\"Green\"}"));
        assertEquals(Problem.PROPERTY, problem("{\"count\":1,\"at\":\"yesterday\"}"));
    }

    @Test
    void toleratesEnumCaseAndCountsIt() throws Exception {
        Deviations d = new Deviations();
        assertEquals(Colour.DarkBlue, read("{\"count\":1,\"colour\":\"darkblue\"}", d).colour());
        assertTrue(d.all().containsKey(Deviations.ENUM_CASE));
    }

    @Test
    void toleratesZonelessAnd1970TimestampsAndCountsThem() throws Exception {
        Deviations d = new Deviations();
        assertEquals(Instant.parse("2026-11-24T10:00:00Z"), read("{\"count\":1,\"at\":\"2026-11-24T10:00:00\"}", d).at());
        assertTrue(d.all().containsKey(Deviations.TIMESTAMP_WITHOUT_ZONE));
        Deviations old = new Deviations();
        assertEquals(Instant.EPOCH, read("{\"count\":1,\"at\":\"1970-01-01T00:00:00Z\"}", old).at());
        assertTrue(old.all().containsKey(Deviations.TIMESTAMP_IMPLAUSIBLE));
    }

    @Test
    void toleratesLongLenientStringsFractionalLenientIntegersAndUnknownProperties() throws Exception {
        Deviations d = new Deviations();
        Message m = read("{\"count\":1,\"tag\":\"ABCDEFG\",\"reading\":1234.6,\"vendorExtra\":true}", d);
        assertEquals("ABCDEFG", m.tag());
        assertEquals(1235L, m.reading());
        assertTrue(d.all().keySet().containsAll(List.of(Deviations.STRING_TOO_LONG, Deviations.FRACTIONAL_INTEGER,
                Deviations.UNKNOWN_PROPERTY)));
    }

    @Test
    void aLenientStringLongerThanWhereItIsKeptIsCutAndCounted() throws Exception {
        Deviations d = new Deviations();
        assertEquals("ABCDEFGH", read("{\"count\":1,\"tag\":\"ABCDEFGHIJKLMN\"}", d).tag());
        assertTrue(d.all().keySet().containsAll(List.of(Deviations.STRING_TOO_LONG, Deviations.STRING_TRUNCATED)));
    }

    @Test
    void nulCharactersAreRemovedAndCounted() throws Exception {
        Deviations d = new Deviations();
        assertEquals("AB", read("{\"count\":1,\"code\":\"A\\u0000B\"}", d).code());
        assertTrue(d.all().containsKey(Deviations.NUL_CHARACTER));
    }

    @Test
    void nullIsAbsent() throws Exception {
        assertNull(read("{\"count\":1,\"code\":null}", new Deviations()).code());
    }

    @Test
    void writesRecordsWithoutNullsAndWithMillisecondTimestamps() {
        JsonObject out = codec.write(new Message(2, null, Colour.Red, Instant.parse("2026-11-24T10:00:00.123456Z"),
                null, 5L, null, List.of(new Inner("x"))));
        assertEquals(json("{\"count\":2,\"colour\":\"Red\",\"at\":\"2026-11-24T10:00:00.123Z\",\"reading\":5,"
                + "\"inners\":[{\"name\":\"x\"}]}"), out);
    }
}
