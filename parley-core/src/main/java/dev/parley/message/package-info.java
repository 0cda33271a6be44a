/** The message envelope shared by every transport: headers and an encoded body. */
@NullMarked
package dev.parley.message;

import org.jspecify.annotations.NullMarked;
