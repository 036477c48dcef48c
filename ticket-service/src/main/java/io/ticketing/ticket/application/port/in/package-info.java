@NullMarked
package io.ticketing.ticket.application.port.in;

import org.jspecify.annotations.NullMarked;
