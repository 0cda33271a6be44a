/** {@code parley contract}: compare contract versions and export them. */
@NullMarked
package dev.parley.cli.contract;

import org.jspecify.annotations.NullMarked;
