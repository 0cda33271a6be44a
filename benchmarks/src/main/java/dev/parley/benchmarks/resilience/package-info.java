/**
 * The {@code resilience} suite (S7, S11): what Parley's policies cost per call, against the same composition
 * of Resilience4j's own decorators, and what a call refused by an open breaker costs. Run it with
 * {@code benchmarks/run resilience}.
 */
@NullMarked
package dev.parley.benchmarks.resilience;

import org.jspecify.annotations.NullMarked;
