@NullMarked
package io.ticketing.notification.application.port.out;

import org.jspecify.annotations.NullMarked;
