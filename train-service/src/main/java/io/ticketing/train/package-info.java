@NullMarked
package io.ticketing.train;

import org.jspecify.annotations.NullMarked;
