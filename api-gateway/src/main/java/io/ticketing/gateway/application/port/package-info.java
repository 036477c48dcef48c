@NullMarked
package io.ticketing.gateway.application.port;

import org.jspecify.annotations.NullMarked;
