@NullMarked
package io.ticketing.platform.outbox;

import org.jspecify.annotations.NullMarked;
