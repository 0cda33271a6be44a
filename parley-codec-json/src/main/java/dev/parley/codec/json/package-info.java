/** JSON bodies on Jackson. */
@NullMarked
package dev.parley.codec.json;

import org.jspecify.annotations.NullMarked;
