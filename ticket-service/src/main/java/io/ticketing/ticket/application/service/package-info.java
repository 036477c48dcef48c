@NullMarked
package io.ticketing.ticket.application.service;

import org.jspecify.annotations.NullMarked;
