/** {@code parley calls}: a server's call counts by contract version and caller. */
@NullMarked
package dev.parley.cli.calls;

import org.jspecify.annotations.NullMarked;
