package dev.parley.contract.tools.internal;

import dev.parley.contract.InteractionStyle;

/**
 * Which way a message goes relative to the contract's owner, which decides whether a change hurts: the owner
 * reads requests (so it must still read what old callers write) and writes responses (which old readers must
 * still read).
 */
enum Direction {
    REQUEST, RESPONSE;

    /** A service reads its parameter; a publisher writes its event or scattered request. */
    static Direction ofInput(InteractionStyle style) {
        return style.isOneToMany() ? RESPONSE : REQUEST;
    }

    /** A service writes its reply; a scattering publisher reads the replies responders write. */
    static Direction ofOutput(InteractionStyle style) {
        return style.isOneToMany() ? REQUEST : RESPONSE;
    }
}
