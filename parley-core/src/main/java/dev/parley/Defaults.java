package dev.parley;

import java.time.Duration;

/**
 * Every default Parley applies, in one place. Each can be changed where it is used (builder methods named
 * after the constant); see docs/defaults.md.
 */
public final class Defaults {

    /** The deadline of a call when the client sets none and no caller's deadline is inherited. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** How long publish/async-response collects replies when the caller sets no window. */
    public static final Duration REPLY_WINDOW = Duration.ofSeconds(1);

    /** How long {@link Parley#close()} waits for in-flight handlers before it stops them. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private Defaults() {
    }
}
