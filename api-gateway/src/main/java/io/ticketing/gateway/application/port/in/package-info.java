@NullMarked
package io.ticketing.gateway.application.port.in;

import org.jspecify.annotations.NullMarked;
