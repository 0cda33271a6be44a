/** The {@code parley} command line. */
@NullMarked
package dev.parley.cli;

import org.jspecify.annotations.NullMarked;
