@NullMarked
package io.ticketing.ticket.adapter.out.messaging;

import org.jspecify.annotations.NullMarked;
