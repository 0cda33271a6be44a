/**
 * The {@code local} suite: what one in-process call through Parley costs compared with calling the
 * implementation directly. Run it with {@code benchmarks/run local}.
 */
@NullMarked
package dev.parley.benchmarks.local;

import org.jspecify.annotations.NullMarked;
