/** Time, injected: the real clock in production, a manual one in tests. */
@NullMarked
package dev.parley.time;

import org.jspecify.annotations.NullMarked;
