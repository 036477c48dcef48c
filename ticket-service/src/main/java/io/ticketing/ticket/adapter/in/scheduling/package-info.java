@NullMarked
package io.ticketing.ticket.adapter.in.scheduling;

import org.jspecify.annotations.NullMarked;
