/**
 * Parley's calls and policy events as Micrometer meters: {@link dev.parley.micrometer.ParleyMetrics}.
 */
@NullMarked
package dev.parley.micrometer;

import org.jspecify.annotations.NullMarked;
