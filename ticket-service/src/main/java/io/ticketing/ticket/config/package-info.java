@NullMarked
package io.ticketing.ticket.config;

import org.jspecify.annotations.NullMarked;
