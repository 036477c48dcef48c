@NullMarked
package io.ticketing.platform.tracing;

import org.jspecify.annotations.NullMarked;
