/** Implementation; carries no compatibility promise. */
@NullMarked
package dev.parley.internal.runtime;

import org.jspecify.annotations.NullMarked;
