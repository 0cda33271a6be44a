/** Implementation; carries no compatibility promise. */
@NullMarked
package dev.parley.internal.local;

import org.jspecify.annotations.NullMarked;
