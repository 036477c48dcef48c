@NullMarked
package io.ticketing.notification.application.port.in;

import org.jspecify.annotations.NullMarked;
