@NullMarked
package io.ticketing.ticket.application.port.out;

import org.jspecify.annotations.NullMarked;
