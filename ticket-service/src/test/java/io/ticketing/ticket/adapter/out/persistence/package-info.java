@NullMarked
package io.ticketing.ticket.adapter.out.persistence;

import org.jspecify.annotations.NullMarked;
