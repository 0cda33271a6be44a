/**
 * {@code parley demo}: the taxi-hailing flow of the seed article, every interaction style, several Parley
 * runtimes in one process over the {@code local:} transport.
 */
@NullMarked
package dev.parley.cli.demo;

import org.jspecify.annotations.NullMarked;
