/** The messaging contract suite every broker module passes unchanged. */
@NullMarked
package dev.parley.testkit.messaging;

import org.jspecify.annotations.NullMarked;
