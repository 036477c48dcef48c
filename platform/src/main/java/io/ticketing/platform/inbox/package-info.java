@NullMarked
package io.ticketing.platform.inbox;

import org.jspecify.annotations.NullMarked;
