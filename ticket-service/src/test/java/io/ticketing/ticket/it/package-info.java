@NullMarked
package io.ticketing.ticket.it;

import org.jspecify.annotations.NullMarked;
