@NullMarked
package io.ticketing.platform.error;

import org.jspecify.annotations.NullMarked;
