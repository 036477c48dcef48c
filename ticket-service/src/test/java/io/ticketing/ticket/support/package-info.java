@NullMarked
package io.ticketing.ticket.support;

import org.jspecify.annotations.NullMarked;
