@NullMarked
package io.ticketing.gateway.adapter.out.ticket;

import org.jspecify.annotations.NullMarked;
