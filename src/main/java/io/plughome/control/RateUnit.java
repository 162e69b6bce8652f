package io.plughome.control;

/** The unit a charging limit is expressed in: amperes (per phase) or watts. */
public enum RateUnit {
    A, W
}
