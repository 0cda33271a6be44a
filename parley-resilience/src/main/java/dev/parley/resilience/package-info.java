/**
 * Partial-failure policies as filters and per-operation {@link dev.parley.service.Policy policies}:
 * bulkheads and circuit breakers on Resilience4j's state machines, judged by one {@link FailureClassifier},
 * reporting {@link ResilienceEvent}s. See docs/resilience.md for the order they go in.
 */
@NullMarked
package dev.parley.resilience;

import org.jspecify.annotations.NullMarked;
