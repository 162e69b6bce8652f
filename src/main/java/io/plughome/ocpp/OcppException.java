package io.plughome.ocpp;

/** A CALL that is answered with a CALLERROR of the given kind. */
public class OcppException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Problem problem;

    public OcppException(Problem problem, String description) {
        super(description);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
