@NullMarked
package io.ticketing.ticket.adapter.in.web;

import org.jspecify.annotations.NullMarked;
