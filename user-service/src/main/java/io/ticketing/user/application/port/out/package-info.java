@NullMarked
package io.ticketing.user.application.port.out;

import org.jspecify.annotations.NullMarked;
