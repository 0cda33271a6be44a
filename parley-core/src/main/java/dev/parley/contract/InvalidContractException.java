package dev.parley.contract;

/**
 * A contract interface that Parley refuses, with a message naming the interface, the method when there is
 * one, and the rule it breaks.
 */
public final class InvalidContractException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidContractException(String message) {
        super(message);
    }
}
