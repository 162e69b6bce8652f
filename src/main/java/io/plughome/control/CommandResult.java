package io.plughome.control;

/** How a command ended: the outcome, and the charger's answer or the failure. */
public record CommandResult(Outcome outcome, CommandReply reply, CommandFailure failure) {

    static CommandResult of(CommandReply reply) {
        return new CommandResult(reply.accepted() ? Outcome.ACCEPTED : Outcome.REJECTED, reply, null);
    }

    static CommandResult of(CommandFailure failure) {
        return new CommandResult(failure.outcome(), null, failure);
    }

    /** The charger's status word, or the failure's code: what the audit log keeps as detail. */
    public String detail() {
        return reply != null ? reply.status() : failure.error() + ": " + failure.getMessage();
    }
}
