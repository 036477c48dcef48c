@NullMarked
package io.ticketing.gateway.application.port.out;

import org.jspecify.annotations.NullMarked;
