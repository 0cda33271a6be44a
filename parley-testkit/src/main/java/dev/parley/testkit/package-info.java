/** Test support: SPI contract suites and a manual scheduler. */
@NullMarked
package dev.parley.testkit;

import org.jspecify.annotations.NullMarked;
