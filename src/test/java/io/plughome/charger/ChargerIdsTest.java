package io.plughome.charger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one rule for charger ids: look-alikes are refused, everything else keeps working. */
class ChargerIdsTest {

    @Test
    void idsThatWorkTodayStayValid() {
        for (String id : new String[] {"CP-1", "Garage 1", "Garáž-1", "Ladestation 🚗", "ＣＰ１", "a+b", "50%",
            "x".repeat(48), "x".repeat(255), "中文充电桩", "ocpp", "a;b", "a.b", "..a", "a b  c"}) {
            assertTrue(ChargerIds.isValid(id), id);
        }
    }

    @Test
    void lookAlikesAreRefusedWithAPlainReason() {
        String[][] cases = {{"", "at least one"}, {"x".repeat(256), "at most 255"}, {" CP", "begin or end"},
            {"CP ", "begin or end"}, {"CP\t", "begin or end"}, {"CP\u00a0", "begin or end"},
            {"CP\u200b", "begin or end"}, {"C\u200bP", "invisible"}, {"C\u200dP", "invisible"},
            {"\ufeffCP", "begin or end"}, {"C\u202eP", "invisible"}, {"C\u0000P", "invisible"},
            {"C\nP", "invisible"}, {"C\u2028P", "invisible"}, {"C\ud800P", "invisible"}, {"CP:1", "':'"}};
        for (String[] c : cases) {
            String problem = ChargerIds.problem(c[0]).orElse("(valid)");
            assertTrue(problem.contains(c[1]), c[0] + " -> " + problem);
        }
        assertFalse(ChargerIds.isValid(null));
        assertEquals("A charger id may not contain control, format or other invisible characters (U+200B at"
                + " position 2)", ChargerIds.problem("C\u200bP").orElseThrow());
    }
}
