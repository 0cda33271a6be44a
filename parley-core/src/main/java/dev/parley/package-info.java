/**
 * Parley: one contract for every interaction style, transport and message format.
 *
 * <p>Start with {@link dev.parley.Parley#builder()}.
 */
@NullMarked
package dev.parley;

import org.jspecify.annotations.NullMarked;
