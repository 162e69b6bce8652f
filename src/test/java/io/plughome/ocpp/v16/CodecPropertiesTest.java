package io.plughome.ocpp.v16;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.plughome.ocpp.Deviations;
import io.plughome.ocpp.Frame;
import io.plughome.ocpp.OcppException;
import io.plughome.ocpp.RecordCodec;
import io.plughome.session.ChargingSession;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.Validation;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the OCPP edge's codecs (jqwik, a bounded number of tries per run):
 * any text is a frame or a {@link Frame.Malformed} with a specified problem; any payload read as
 * any charger message is a record or an {@link OcppException} with a specified problem, and what
 * is read fits where it is stored (idTags, sampled values), never an escaped exception.
 */
class CodecPropertiesTest {

    private static final RecordCodec CODEC = new RecordCodec(Validation.buildDefaultValidatorFactory().getValidator());

    /** The charger messages whose reading the properties try. */
    private static final List<Class<? extends Record>> MESSAGES = List.of(BootNotificationHandler.Request.class,
            StatusNotificationHandler.Request.class, AuthorizeHandler.Request.class,
            StartTransactionHandler.Request.class, MeterValuesHandler.Request.class,
            StopTransactionHandler.Request.class, DataTransferHandler.Request.class);

    @Property(tries = 2000)
    void anyTextIsAFrameOrMalformedWithAProblem(@ForAll("frameTexts") String text) {
        try {
            assertNotNull(Frame.parse(text));
        } catch (Frame.Malformed malformed) {
            assertNotNull(malformed.problem());
            assertTrue(malformed.messageId().length() <= Frame.MAX_ID_LENGTH, malformed.messageId());
        }
    }

    @Property(tries = 3000)
    void anyPayloadReadsAsARecordOrASpecifiedError(@ForAll("payloads") JsonObject payload,
            @ForAll("messages") Class<? extends Record> type) {
        Deviations deviations = new Deviations();
        try {
            Record read = CODEC.read(payload, type, deviations);
            assertNotNull(read);
            fitsWhereItIsStored(read, deviations);
        } catch (OcppException e) {
            assertNotNull(e.problem());
        }
    }

    /** What the handlers take from a message fits its columns: no database exception can follow. */
    private static void fitsWhereItIsStored(Record read, Deviations deviations) {
        if (read instanceof StartTransactionHandler.Request r) {
            assertTrue(r.idTag().length() <= ChargingSession.ID_TAG_MAX);
        }
        if (read instanceof StopTransactionHandler.Request r) {
            assertTrue(r.idTag() == null || r.idTag().length() <= ChargingSession.ID_TAG_MAX);
            // the domain's MeterReading refuses what does not fit its columns
            SampledValues.toReadings(r.transactionData(), deviations);
        }
        if (read instanceof AuthorizeHandler.Request r) {
            assertTrue(r.idTag().length() <= ChargingSession.ID_TAG_MAX);
        }
        if (read instanceof MeterValuesHandler.Request r) {
            SampledValues.toReadings(r.meterValue(), deviations);
        }
    }

    @Provide
    Arbitrary<Class<? extends Record>> messages() {
        return Arbitraries.of(MESSAGES);
    }

    @Provide
    Arbitrary<String> frameTexts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.integers().between(1, 5000).map(depth -> "[".repeat(depth) + "]".repeat(depth / 2)),
                Arbitraries.integers().between(1, 3000).map(depth -> "[2,\"d\",\"Heartbeat\","
                        + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "]"),
                payloads().map(p -> Json.createArrayBuilder().add(2).add("id").add("Heartbeat").add(p).build()
                        .toString()),
                Combinators.combine(Arbitraries.integers().between(-1, 6), Arbitraries.strings().ofMaxLength(40),
                        values(2)).as((type, id, v) -> Json.createArrayBuilder().add(type).add(id).add(v).build()
                                .toString()),
                Combinators.combine(Arbitraries.strings().ofMaxLength(60), Arbitraries.integers().between(0, 59))
                        .as((s, cut) -> {
                            String text = "[2,\"x\",\"Authorize\",{\"idTag\":\"" + s + "\"}]";
                            return text.substring(0, Math.min(cut, text.length()));
                        }));
    }

    /** Objects shaped like charger messages: their field names with any values, and stray fields. */
    @Provide
    Arbitrary<JsonObject> payloads() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("connectorId", "idTag", "meterStart",
                "meterStop", "timestamp", "transactionId", "meterValue", "sampledValue", "value", "measurand",
                "unit", "phase", "location", "context", "format", "status", "errorCode", "info", "vendorId",
                "vendorErrorCode", "chargePointVendor", "chargePointModel", "reason", "transactionData",
                "messageId", "data", "reservationId"), Arbitraries.strings().ofMaxLength(12));
        return Combinators.combine(names.list().ofMaxSize(8), values(3).list().ofMaxSize(8)).as((keys, vals) -> {
            JsonObjectBuilder b = Json.createObjectBuilder();
            for (int i = 0; i < Math.min(keys.size(), vals.size()); i++) {
                b.add(keys.get(i), vals.get(i));
            }
            return b.build();
        });
    }

    private Arbitrary<JsonValue> values(int depth) {
        Arbitrary<JsonValue> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300).map(Json::createValue),
                Arbitraries.of("Energy.Active.Import.Register", "Power.Active.Import", "kWh", "Celcius", "L1",
                        "Outlet", "Charging", "NoError", "2026-12-01T12:00:00Z", "2026-12-01T12:00:00", "1970-01-01T00:00"
                        + ":00Z", "12.5", "1e400", "").map(Json::createValue),
                Arbitraries.longs().map(Json::createValue),
                Arbitraries.bigDecimals().between(new BigDecimal("-1e30"), new BigDecimal("1e30")).ofScale(3)
                        .map(Json::createValue),
                Arbitraries.of(JsonValue.TRUE, JsonValue.FALSE, JsonValue.NULL));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<JsonValue> arrays = values(depth - 1).list().ofMaxSize(4).map(list -> {
            JsonArrayBuilder b = Json.createArrayBuilder();
            list.forEach(b::add);
            return b.build();
        });
        Arbitrary<JsonValue> objects = payloadsOf(values(depth - 1));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, leaves), net.jqwik.api.Tuple.of(2, arrays),
                net.jqwik.api.Tuple.of(2, objects));
    }

    private Arbitrary<JsonValue> payloadsOf(Arbitrary<JsonValue> inner) {
        return Combinators.combine(Arbitraries.of("timestamp", "sampledValue", "value", "measurand", "unit", "phase",
                "location", "context", "x").list().ofMaxSize(6), inner.list().ofMaxSize(6)).as((keys, vals) -> {
                    JsonObjectBuilder b = Json.createObjectBuilder();
                    for (int i = 0; i < Math.min(keys.size(), vals.size()); i++) {
                        b.add(keys.get(i), vals.get(i));
                    }
                    return b.build();
                });
    }
}
