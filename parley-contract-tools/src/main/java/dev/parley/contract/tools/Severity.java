package dev.parley.contract.tools;

/** How a change between two versions of a contract affects the other side. */
public enum Severity {
    /** Some existing caller, subscriber or server fails or misreads a message: needs a new major version. */
    BREAKING,
    /** Every existing party keeps working: fine in a minor version. */
    COMPATIBLE,
    /** Nothing changes on the wire (a Java-side rename, a sync/async signature): no version bump needed. */
    COSMETIC
}
