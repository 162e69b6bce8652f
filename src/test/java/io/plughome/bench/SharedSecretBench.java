package io.plughome.bench;

import io.plughome.charger.Charger;
import io.plughome.charger.Registration;
import io.plughome.charger.SharedSecrets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * What checking a charger's password costs at each connection: PBKDF2 (120,000 rounds) once per
 * form of the presented password tried. A right password usually matches at the first form; a
 * wrong one is tried in every form (up to three). Prints median and 90th percentile in ms.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.plughome.bench.SharedSecretBench</pre>
 */
public final class SharedSecretBench {

    private SharedSecretBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Charger plain = new Charger("BENCH-1", Registration.ACCEPTED, Instant.now());
        plain.sharedSecret("garage-wallbox-01");
        Charger hex = new Charger("BENCH-2", Registration.ACCEPTED, Instant.now());
        hex.sharedSecret(SharedSecrets.fromAuthorizationKey("6761726167652d77616c6c626f782d3031"));
        measure("right password, plain secret", rounds, () -> plain.admits(bytes("garage-wallbox-01")));
        measure("right password, hex key decoded", rounds, () -> hex.admits(bytes("garage-wallbox-01")));
        measure("right password, hex key as is", rounds, () -> hex.admits(bytes("6761726167652d77616c6c626f782d3031")));
        measure("wrong password", rounds, () -> plain.admits(bytes("garage-wallbox-02")));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void measure(String what, int rounds, java.util.function.BooleanSupplier check) {
        for (int i = 0; i < 3; i++) {
            check.getAsBoolean(); // warm-up
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            check.getAsBoolean();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-36s median %6.1f ms   p90 %6.1f ms   (%d rounds)%n", what, ms[rounds / 2],
                ms[(int) (rounds * 0.9)], rounds);
    }
}
