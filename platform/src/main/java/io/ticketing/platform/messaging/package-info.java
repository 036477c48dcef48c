@NullMarked
package io.ticketing.platform.messaging;

import org.jspecify.annotations.NullMarked;
