@NullMarked
package io.ticketing.ticket.domain.model;

import org.jspecify.annotations.NullMarked;
