package io.plughome.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Energy priced per kWh, rounded to the currency's minor unit (cents for EUR, none for JPY). */
public final class Costs {

    private static final BigDecimal WH_PER_KWH = BigDecimal.valueOf(1000);

    private Costs() {
    }

    /** The cost of {@code energyWh} at {@code pricePerKwh}, unrounded; null when either is unknown. */
    public static BigDecimal exact(Long energyWh, BigDecimal pricePerKwh) {
        if (energyWh == null || pricePerKwh == null) {
            return null;
        }
        return BigDecimal.valueOf(energyWh).multiply(pricePerKwh).divide(WH_PER_KWH);
    }

    /** Rounds an amount half-up to the currency's minor unit (2 places when the currency is unknown). */
    public static BigDecimal round(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        int digits = 2;
        if (currency != null) {
            try {
                digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
            } catch (IllegalArgumentException unknown) {
                digits = 2;
            }
        }
        return amount.setScale(digits, RoundingMode.HALF_UP);
    }

    /** Whether the code is an ISO 4217 currency. */
    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
