@NullMarked
package io.ticketing.ticket.adapter.in.messaging;

import org.jspecify.annotations.NullMarked;
