package io.plughome.ocpp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a message field where real chargers are known to deviate in ways that cost no meaning.
 * The record codec accepts such a value and records a {@link Deviations deviation} instead of
 * refusing the message:
 * <ul>
 * <li>{@link #maxLength()}: a string longer than the specification allows (an idTag echoed at
 * more than 20 characters);</li>
 * <li>an integer field sent with a fraction (a meter reading of 1234.0) is rounded.</li>
 * </ul>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Lenient {

    /** The specification's maximum length; longer values are kept and counted. 0: no limit. */
    int maxLength() default 0;

    /**
     * The longest value kept whole (the column it is stored in); a longer one is cut to this
     * length and counted as {@link Deviations#STRING_TRUNCATED}. 0: no cut.
     */
    int keepUpTo() default 0;
}
