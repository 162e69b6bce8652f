package io.plughome.charger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a charger's login costs the server through {@link ChargerLogins}: the first correct login
 * (one PBKDF2 of 120,000 rounds per form tried), a repeated correct login (a keyed hash), a wrong
 * password (every form tried), an attempt while throttled (no check at all), and the first login
 * of a charger whose secret PlugHome generated (an HMAC, no PBKDF2). Prints the median and 90th
 * percentile in ms, and what a reconnect storm of 10,000 chargers would cost.
 *
 * <pre>mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.plughome.charger.LoginCostBench</pre>
 */
public final class LoginCostBench {

    private LoginCostBench() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String hash = SharedSecrets.hash("garage-wallbox-01");
        ChargerLogins logins = TestLogins.of(Clock.systemUTC(), id -> Optional.of(hash));
        int[] n = {0};
        double first = measure("first correct login (PBKDF2)", rounds,
                () -> logins.login("CP-" + n[0]++, "10.0.0.1", bytes("garage-wallbox-01")));
        double cached = measure("repeated correct login (cached)", rounds * 100,
                () -> logins.login("CP-0", "10.0.0.1", bytes("garage-wallbox-01")));
        measure("wrong password (all forms)", rounds,
                () -> logins.login("CP-W" + n[0]++, "10.0.0." + (n[0] % 200), bytes("garage-wallbox-02")));
        for (int i = 0; i < 10; i++) {
            logins.login("CP-T", "10.9.9.9", bytes("guess-" + i));
        }
        measure("throttled attempt (no check)", rounds * 100,
                () -> logins.login("CP-T", "10.9.9.9", bytes("guess-x")));
        String generated = SharedSecrets.generate();
        String generatedHash = SharedSecrets.hashGenerated(generated);
        ChargerLogins fast = TestLogins.of(Clock.systemUTC(), id -> Optional.of(generatedHash));
        double firstGenerated = measure("first login, generated secret (HMAC)", rounds * 100,
                () -> fast.login("GEN-" + n[0]++, "10.0.0.1", bytes(generated)));
        System.out.printf("a reconnect storm of 10,000 chargers: %.0f s of one core after a restart"
                + " (first logins), %.2f s when they reconnect again (cached), %.2f s after a restart with"
                + " secrets PlugHome generated%n", first * 10_000 / 1000, cached * 10_000 / 1000,
                firstGenerated * 10_000 / 1000);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static double measure(String what, int rounds, Runnable attempt) {
        for (int i = 0; i < 3; i++) {
            attempt.run(); // warm-up
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            attempt.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-36s median %8.3f ms   p90 %8.3f ms   (%d rounds)%n", what, ms[rounds / 2],
                ms[(int) (rounds * 0.9)], rounds);
        return ms[rounds / 2];
    }
}
