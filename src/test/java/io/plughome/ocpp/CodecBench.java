package io.plughome.ocpp;

import io.plughome.ocpp.v16.MeterValuesHandler;
import jakarta.json.JsonValue;
import jakarta.validation.Validation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The codec's share of a meter reading's round trip: a 1.6 MeterValues CALL as it arrives (four
 * sampled values, the load benchmark's frame) parsed, read into its record and validated, and the
 * CALLRESULT written. Not part of {@code mvn verify}; run with
 * {@code mvn -q test-compile exec:exec@jmh -Djmh.args="CodecBench"} (docs/performance.md).
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CodecBench {

    static final String METER_VALUES = "[2,\"m-1\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":42,"
            + "\"meterValue\":[{\"timestamp\":\"2026-12-01T18:00:10Z\",\"sampledValue\":["
            + "{\"value\":\"12345\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\",\"context\":\"Sample.Periodic\"},"
            + "{\"value\":\"7400\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\",\"context\":\"Sample.Periodic\"},"
            + "{\"value\":\"32.1\",\"measurand\":\"Current.Import\",\"unit\":\"A\",\"phase\":\"L1\"},"
            + "{\"value\":\"54\",\"measurand\":\"SoC\",\"unit\":\"Percent\",\"location\":\"EV\"}]}]}]";

    private RecordCodec codec;

    @Setup
    public void codec() {
        codec = new RecordCodec(Validation.buildDefaultValidatorFactory().getValidator());
    }

    /** Text in, the validated request record out. */
    @Benchmark
    public MeterValuesHandler.Request readMeterValues() throws Exception {
        Frame.Call call = (Frame.Call) Frame.parse(METER_VALUES);
        return codec.read(call.payload(), MeterValuesHandler.Request.class, new Deviations());
    }

    /** The answer written: an empty CALLRESULT. */
    @Benchmark
    public String writeAnswer() {
        JsonValue payload = codec.write(new MeterValuesHandler.Response());
        return new Frame.CallResult("m-1", payload).toJson();
    }
}
