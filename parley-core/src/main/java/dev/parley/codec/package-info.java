/** Codec SPI: ordered factories that turn Java values into bodies of one media type. */
@NullMarked
package dev.parley.codec;

import org.jspecify.annotations.NullMarked;
