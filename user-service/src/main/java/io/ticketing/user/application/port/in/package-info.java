@NullMarked
package io.ticketing.user.application.port.in;

import org.jspecify.annotations.NullMarked;
