@NullMarked
package io.ticketing.ticket;

import org.jspecify.annotations.NullMarked;
